SELECT sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date BETWEEN '2025-01-01' AND '2025-12-31'
