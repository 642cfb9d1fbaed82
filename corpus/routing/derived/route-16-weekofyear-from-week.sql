SELECT weekofyear(transaction_date) AS wk, region, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-05'
GROUP BY 1, 2
ORDER BY 1, 2
