-- weekly report; owner: finance
SELECT region, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-17'
  AND note <> 'refund; see ticket'
GROUP BY region
LIMIT 100
