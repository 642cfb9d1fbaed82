SELECT properties['utm_source'] AS source, properties["campaign"] AS campaign, map('k', 1)['k'] AS one
FROM main.web.page_events
WHERE properties['utm_medium'] = 'email'
