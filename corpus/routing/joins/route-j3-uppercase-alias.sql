SELECT S.city, sum(T.amount) AS revenue
FROM main.sales.transactions AS T
JOIN main.sales.stores AS S ON T.store_id = S.store_id
GROUP BY S.city
