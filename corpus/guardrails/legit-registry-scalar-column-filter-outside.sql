-- initcap is a deterministic function of Spark's registry: the filter outside reaches the scan.
SELECT * FROM (SELECT transaction_date, initcap(region) AS region_name FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
