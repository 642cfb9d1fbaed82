SELECT country AS country,
       count(*) AS `count`
FROM
  (SELECT user_id, country, device, event_ts
FROM main.web.page_events
WHERE event_date >= date_sub(current_date(), 30)
QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY event_ts DESC) = 1
) AS virtual_table
WHERE event_ts >= CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)
GROUP BY country
ORDER BY `count` DESC
LIMIT 10000
