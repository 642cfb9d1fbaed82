SELECT date_trunc('week', event_date + interval '1 day') - interval '1 day' AS event_date,
       COUNT(DISTINCT user_id) AS `COUNT_DISTINCT(user_id)`
FROM main.web.page_events
WHERE event_date >= CAST('2026-06-07' AS DATE)
GROUP BY date_trunc('week', event_date + interval '1 day') - interval '1 day'
LIMIT 10000
