SELECT *
FROM main.web.page_events
WHERE event_date = date_sub(current_date(), 1)
LIMIT 1001
