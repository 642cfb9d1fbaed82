SELECT region, sum(amount) AS revenue
FROM (SELECT * FROM sales.transactions
      WHERE transaction_date >= DATE '2026-11-01'
      LIMIT 20000) AS sample_rows
GROUP BY region
