SELECT user_id, event_ts,
       row_number() OVER w AS rn,
       lag(page) OVER w AS prev_page,
       lead(page, 1, 'exit') OVER w AS next_page,
       first_value(page) OVER (w) AS landing
FROM main.web.page_events
WINDOW w AS (PARTITION BY session_id ORDER BY event_ts)
