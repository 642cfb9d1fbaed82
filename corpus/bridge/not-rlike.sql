SELECT user_id, page
FROM main.web.page_events
WHERE page NOT RLIKE '^/(admin|internal)/' AND device NOT REGEXP 'bot'
