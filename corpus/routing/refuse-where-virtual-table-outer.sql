SELECT region, sum(amount) AS revenue
FROM (SELECT * FROM main.sales.transactions WHERE status = 'paid') AS virtual_table
GROUP BY region
