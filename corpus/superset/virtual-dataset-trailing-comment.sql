SELECT device AS device,
       count(*) AS `count`
FROM
  (SELECT device, user_id, event_date
FROM main.web.page_events
-- only logged-in traffic
WHERE user_id IS NOT NULL
) AS virtual_table
WHERE event_date >= CAST('2026-11-01' AS DATE)
GROUP BY device
ORDER BY `count` DESC
LIMIT 10000
