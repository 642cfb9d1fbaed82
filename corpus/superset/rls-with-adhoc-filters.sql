SELECT device AS device,
       COUNT(DISTINCT user_id) AS `COUNT_DISTINCT(user_id)`
FROM main.web.page_events
WHERE event_date >= CAST('2026-11-01' AS DATE)
  AND event_date < CAST('2026-12-01' AS DATE)
  AND page LIKE '/app/%'
  AND (country IN ('GB', 'IE'))
  AND (device <> 'internal-test')
GROUP BY device
ORDER BY `COUNT_DISTINCT(user_id)` DESC
LIMIT 10000
