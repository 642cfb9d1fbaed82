SELECT referrer AS referrer,
       COUNT(DISTINCT session_id) AS `COUNT_DISTINCT(session_id)`
FROM main.web.page_events
WHERE referrer IS NOT NULL
GROUP BY referrer
ORDER BY `COUNT_DISTINCT(session_id)` DESC
LIMIT 10000
