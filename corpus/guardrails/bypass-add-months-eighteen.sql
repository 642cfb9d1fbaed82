SELECT channel, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= add_months(current_date(), -18)
  AND transaction_date < current_date()
GROUP BY channel
LIMIT 100
