SELECT page_path, count(*) AS views
FROM web.page_events
GROUP BY page_path
LIMIT 100
