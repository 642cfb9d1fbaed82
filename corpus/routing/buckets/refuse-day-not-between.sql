SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date NOT BETWEEN DATE '2026-10-05' AND DATE '2026-10-09'
GROUP BY region
