SELECT category, sum(amount) AS revenue
FROM (SELECT p.category, t.amount
      FROM main.sales.transactions t
      JOIN main.sales.products p ON p.product_id = t.product_id) AS virtual_table
GROUP BY category
LIMIT 1000
