SELECT region, sum(amount) AS `Total Amount`
FROM main.sales.transactions
GROUP BY region
ORDER BY `Total Amount` DESC
