-- An injected window goes where the scan is, under the PIVOT.
SELECT *
FROM main.web.page_events
PIVOT (count(*) AS n FOR country IN ('DE' AS de, 'FR' AS fr))
LIMIT 100
