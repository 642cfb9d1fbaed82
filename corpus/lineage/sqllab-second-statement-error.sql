SELECT region FROM sales.orders;
SELECT FROM WHERE
