SELECT session_id, count(*) AS clicks
FROM web.click_events
WHERE date_format(event_date, 'yyyy-MM') = '2026-11'
GROUP BY session_id
LIMIT 100
