SELECT region, product, count(*) AS n FROM sales.orders GROUP BY CUBE (region, product)
