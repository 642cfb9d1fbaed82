SELECT region, kll_sketch_agg_bigint(customer_id) AS sketch
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY region
