SELECT page, count(*) AS views FROM IDENTIFIER('web.page_events') GROUP BY page LIMIT 100
