WITH recent AS (
  SELECT * FROM main.sales.transactions -- last month \
  WHERE transaction_date >= DATE '2026-11-01'
)
SELECT count(*) FROM recent
