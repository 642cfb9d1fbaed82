SELECT CAST(transaction_ts AS DATE) AS `day`, sum(amount) AS revenue
FROM main.sales.transactions
WHERE CAST(transaction_ts AS DATE) >= DATE '2026-11-18'
GROUP BY CAST(transaction_ts AS DATE)
