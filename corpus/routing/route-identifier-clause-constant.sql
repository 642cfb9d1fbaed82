SELECT region, sum(amount) AS revenue
FROM IDENTIFIER('main.sales.transactions')
GROUP BY region
ORDER BY 1
