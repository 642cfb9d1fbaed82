SELECT * FROM (SELECT transaction_date, score_order(amount) AS score FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01') AS d WHERE score > 0 LIMIT 100
