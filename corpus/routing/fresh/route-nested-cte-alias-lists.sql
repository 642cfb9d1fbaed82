WITH a (x, revenue) AS (
  SELECT transaction_date, sum(amount) FROM main.sales.transactions GROUP BY transaction_date),
b (y, r) AS (SELECT x, revenue FROM a)
SELECT y, r FROM b WHERE y <= '2026-10-31'
