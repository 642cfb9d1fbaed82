SELECT event_ts + INTERVAL 1 DAY 2 HOURS AS shifted, event_ts - INTERVAL 1 HOUR 30 MINUTES AS earlier
FROM main.web.page_events
