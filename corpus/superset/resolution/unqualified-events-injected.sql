SELECT page, count(*) AS views FROM page_events GROUP BY page
