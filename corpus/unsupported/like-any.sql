SELECT page
FROM main.web.page_events
WHERE page LIKE ANY ('/cart%', '/checkout%')
