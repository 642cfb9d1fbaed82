-- WHERE false: Spark's PruneFilters drops the scan; 0 bytes
SELECT * FROM main.sales.events WHERE false
