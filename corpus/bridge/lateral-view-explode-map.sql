SELECT e.user_id, prop_key, prop_value
FROM main.web.page_events e
LATERAL VIEW explode(e.properties) props AS prop_key, prop_value
