SELECT event_ts,
       count(*) OVER (ORDER BY event_ts RANGE BETWEEN INTERVAL 7 DAYS PRECEDING AND CURRENT ROW) AS week_events,
       sum(duration_ms) OVER (PARTITION BY user_id ORDER BY duration_ms RANGE BETWEEN 100 PRECEDING AND UNBOUNDED FOLLOWING) AS tail
FROM main.web.page_events
