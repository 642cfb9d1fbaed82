SELECT session_id, event_name, event_ts
FROM web.app_events
