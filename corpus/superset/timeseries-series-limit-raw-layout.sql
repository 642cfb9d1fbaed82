SELECT date_trunc('day', event_date) AS event_date, country AS country, count(*) AS count 
FROM main.web.page_events JOIN (SELECT country AS country__, count(*) AS mme_inner__ 
FROM main.web.page_events 
WHERE event_date >= CAST('2026-11-01' AS DATE) AND event_date < CAST('2026-11-08' AS DATE) GROUP BY country ORDER BY mme_inner__ DESC
 LIMIT 5) AS series_limit ON country = country__ 
WHERE event_date >= CAST('2026-11-01' AS DATE) AND event_date < CAST('2026-11-08' AS DATE) GROUP BY date_trunc('day', event_date), country ORDER BY count DESC
 LIMIT 10000
