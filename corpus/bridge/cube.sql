SELECT country, device, count(*) AS n, grouping(country) + grouping(device) AS level
FROM main.web.page_events
GROUP BY CUBE (country, device)
ORDER BY level, n DESC
