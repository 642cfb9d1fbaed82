-- A monthly roll-up of the same join, the tables named without aliases,
-- orders counted: COUNT(*) is the sum of the stored counts.
SELECT date_trunc('month', transactions.transaction_date) AS `month`,
       products.category,
       sum(transactions.amount) AS revenue,
       count(*) AS orders
FROM main.sales.transactions
INNER JOIN main.sales.products ON transactions.product_id = products.product_id
WHERE transactions.transaction_date >= DATE '2026-01-01'
  AND products.category IN ('toys', 'garden')
GROUP BY 1, 2
ORDER BY 1, 2
