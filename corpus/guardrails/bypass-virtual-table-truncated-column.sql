SELECT transaction_date, sum(amount) AS revenue
FROM (
  SELECT date_trunc('month', transaction_date) AS transaction_date, amount
  FROM sales.transactions
) AS virtual_table
WHERE transaction_date >= DATE '2026-10-01'
GROUP BY transaction_date
LIMIT 1000
