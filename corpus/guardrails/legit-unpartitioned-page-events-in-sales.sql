SELECT page_path, count(*) AS views
FROM sales.page_events
GROUP BY page_path
LIMIT 1000
