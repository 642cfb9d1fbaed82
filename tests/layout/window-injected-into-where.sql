SELECT page,
       count(*) AS views
FROM main.web.page_events
WHERE referrer LIKE '%google%'
GROUP BY page
LIMIT 50
