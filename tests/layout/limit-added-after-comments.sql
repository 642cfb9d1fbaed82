-- Revenue by product, last quarter (chart 42)
SELECT p.category,            -- the dimension
       sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.sales.products p
  ON p.product_id = t.product_id   /* inner: products are complete */
WHERE t.transaction_date >= current_date() - INTERVAL 90 DAYS
GROUP BY p.category
ORDER BY revenue DESC
