SELECT page
FROM main.web.page_events
WHERE page LIKE '%100!%%' ESCAPE '!'
   OR page NOT LIKE 'a\_b%'
