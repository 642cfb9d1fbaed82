SELECT user_id, page, event_ts
FROM main.web.page_events
WHERE event_date = current_date()
QUALIFY rank() OVER w <= 3
WINDOW w AS (PARTITION BY user_id ORDER BY event_ts)
