-- Superset's time-series chart "revenue by day and product category" over
-- the sales joined to their products: other aliases than the aggregate's,
-- ON written the other way round.
SELECT date_trunc('day', tx.transaction_date) AS transaction_date,
       prod.category AS category,
       sum(tx.amount) AS `SUM(amount)`
FROM main.sales.transactions AS tx
JOIN main.sales.products AS prod ON prod.product_id = tx.product_id
WHERE tx.transaction_date >= CAST('2026-10-01' AS DATE)
  AND tx.transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY date_trunc('day', tx.transaction_date), prod.category
ORDER BY `SUM(amount)` DESC
LIMIT 10000
