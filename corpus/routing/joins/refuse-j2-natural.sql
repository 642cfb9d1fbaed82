SELECT city, sum(amount) AS revenue
FROM main.sales.transactions
NATURAL JOIN main.sales.stores
GROUP BY city
