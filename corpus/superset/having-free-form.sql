SELECT page AS page,
       COUNT(DISTINCT user_id) AS `COUNT_DISTINCT(user_id)`
FROM main.web.page_events
WHERE event_date >= CAST('2026-11-01' AS DATE)
GROUP BY page
HAVING (COUNT(DISTINCT user_id) >= 100 AND avg(duration_ms) < 30000)
ORDER BY `COUNT_DISTINCT(user_id)` DESC
LIMIT 10000
