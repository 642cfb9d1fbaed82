SELECT page, count(*) AS views
FROM web.page_events
WHERE event_date >= DATE '2026-01-01' AND event_date < DATE '2025-01-01'
GROUP BY page
LIMIT 100
