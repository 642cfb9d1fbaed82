SELECT country AS country,
       COUNT(DISTINCT user_id) AS `COUNT_DISTINCT(user_id)`
FROM main.web.page_events
WHERE event_date >= CAST('2026-03-15' AS DATE)
GROUP BY country
ORDER BY `COUNT_DISTINCT(user_id)` DESC
LIMIT 10000
