SELECT region, sum(amount) AS revenue
FROM IDENTIFIER(concat('main.sales.', 'transactions'))
GROUP BY region
