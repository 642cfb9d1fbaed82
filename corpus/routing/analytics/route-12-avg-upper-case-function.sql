SELECT status, AVG(weight) AS w, Avg(quantity) AS q
FROM main.sales.transactions
WHERE channel = 'web'
GROUP BY status
