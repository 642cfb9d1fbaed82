SELECT count(*) AS orders, sum(amount) AS revenue, min(amount) AS smallest, max(amount) AS largest
FROM main.sales.transactions
WHERE transaction_date BETWEEN DATE '2026-03-01' AND DATE '2026-03-31'
