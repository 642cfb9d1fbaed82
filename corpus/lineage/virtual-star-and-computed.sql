SELECT margin, region
FROM (SELECT *, amount - cost AS margin FROM sales.orders) AS virtual_table
WHERE margin > 0
