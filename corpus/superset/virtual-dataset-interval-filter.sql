SELECT date_trunc('day', event_date) AS event_date,
       COUNT(DISTINCT user_id) AS `COUNT_DISTINCT(user_id)`
FROM
  (SELECT event_date, user_id, page
FROM main.web.page_events
WHERE event_ts > current_timestamp() - INTERVAL 90 DAYS
  AND page RLIKE '^/(cart|checkout)'
) AS virtual_table
GROUP BY date_trunc('day', event_date)
LIMIT 10000
