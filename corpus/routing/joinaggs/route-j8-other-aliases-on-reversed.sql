SELECT st.city, st.size, sum(tx.amount) AS revenue
FROM main.sales.transactions tx
INNER JOIN main.sales.stores st ON st.store_id = tx.store_id
GROUP BY st.city, st.size
