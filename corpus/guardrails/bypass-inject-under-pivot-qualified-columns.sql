-- The clause names e.country: no WHERE can be added under it, so the scan is refused.
SELECT *
FROM main.web.page_events e
PIVOT (count(*) AS n FOR e.country IN ('DE' AS de, 'FR' AS fr))
LIMIT 100
