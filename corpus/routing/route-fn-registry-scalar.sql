SELECT initcap(region) AS region_name, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY initcap(region)
