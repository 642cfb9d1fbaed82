SELECT city, sum(amount) AS revenue
FROM main.sales.transactions
JOIN main.sales.stores ON transactions.store_id = stores.store_id
GROUP BY city
