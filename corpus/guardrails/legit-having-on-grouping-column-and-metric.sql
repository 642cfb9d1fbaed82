SELECT transaction_date, region, sum(amount) AS revenue
FROM sales.transactions
GROUP BY transaction_date, region
HAVING transaction_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' AND sum(amount) > 1000
LIMIT 100
