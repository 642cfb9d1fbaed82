SELECT city, sum(amount) AS revenue
FROM main.sales.transactions
JOIN main.sales.stores USING (store_id)
GROUP BY city
