SELECT event_ts + INTERVAL 7 DAYS AS next_week, event_ts - INTERVAL 3 HOURS AS earlier, event_ts + INTERVAL 1 DAY AS tomorrow
FROM main.web.page_events
