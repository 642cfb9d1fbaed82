-- rand() inside an expression is as non-deterministic as alone.
SELECT * FROM (SELECT transaction_date, amount * (1 + rand() / 10) AS jittered FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
