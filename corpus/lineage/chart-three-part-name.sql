SELECT event_type, count(*) AS events
FROM hive_metastore.web.events
WHERE event_date = DATE '2026-11-20'
GROUP BY event_type
