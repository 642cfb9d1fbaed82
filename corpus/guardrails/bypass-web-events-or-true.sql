SELECT page_path, count(*) AS views
FROM main.web.page_events
WHERE event_date >= current_date() - INTERVAL 7 DAYS OR 1 = 1
GROUP BY page_path
LIMIT 100
