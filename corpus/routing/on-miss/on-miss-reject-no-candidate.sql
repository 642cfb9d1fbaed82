SELECT page, count(*) AS views
FROM main.web.page_events
GROUP BY page
