SELECT device AS device,
       COUNT(DISTINCT session_id) AS `COUNT_DISTINCT(session_id)`
FROM main.web.click_events
WHERE event_date >= CAST('2026-10-01' AS DATE)
  AND event_date < CAST('2026-11-01' AS DATE)
GROUP BY device
LIMIT 10000
