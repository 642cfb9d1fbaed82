SELECT CASE device WHEN 'ios' THEN 'mobile' WHEN 'android' THEN 'mobile' WHEN 'desktop' THEN 'web' ELSE 'other' END AS platform
FROM main.web.page_events
