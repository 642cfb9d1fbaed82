CREATE TABLE sales.region_totals AS SELECT region, sum(amount) AS total FROM sales.orders GROUP BY region
