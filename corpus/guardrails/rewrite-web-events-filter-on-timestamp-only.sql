SELECT referrer, count(*) AS visits
FROM web.page_events
WHERE event_ts >= TIMESTAMP '2026-11-20 00:00:00'
GROUP BY referrer
LIMIT 100
