SELECT region, count(*) AS sampled
FROM (SELECT * FROM sales.transactions
      WHERE transaction_date = DATE '2026-11-23'
      LIMIT 50000) AS sample_rows
GROUP BY region
LIMIT 100
