SELECT category AS category,
       sum(revenue) AS `SUM(revenue)`
FROM
  (SELECT p.category, t.region, t.amount * t.quantity AS revenue
FROM main.sales.transactions t
JOIN main.sales.products p USING (product_id)
) AS virtual_table
WHERE (region IN ('NA', 'LATAM'))
GROUP BY category
ORDER BY `SUM(revenue)` DESC
LIMIT 10000
