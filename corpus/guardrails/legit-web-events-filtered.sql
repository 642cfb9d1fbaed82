SELECT page_path AS page_path,
       count(*) AS `count`
FROM web.page_events
WHERE event_date >= current_date() - INTERVAL 7 DAYS
GROUP BY page_path
ORDER BY `count` DESC
LIMIT 10000
