SELECT split(page, '/')[1] AS section, split(email, '@')[1] AS domain, map_keys(properties)[0] AS some_key
FROM main.web.page_events
