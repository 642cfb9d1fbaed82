-- The clause names e.page: no WHERE can be added under it, so the scan is refused.
SELECT *
FROM main.web.page_events e
PIVOT (count(e.page) AS n FOR country IN ('DE' AS de, 'FR' AS fr))
LIMIT 100
