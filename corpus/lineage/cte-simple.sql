WITH paid AS (SELECT region, amount FROM sales.orders WHERE status = 'paid')
SELECT region, sum(amount) AS revenue FROM paid GROUP BY region
