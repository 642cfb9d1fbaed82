SELECT date_trunc('day', event_ts) AS event_ts,
       COUNT(DISTINCT session_id) AS `COUNT_DISTINCT(session_id)`
FROM main.web.click_events
GROUP BY date_trunc('day', event_ts)
ORDER BY `COUNT_DISTINCT(session_id)` DESC
LIMIT 10000
