SELECT o.owner, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.store_owners AS o ON t.store_id = o.store_id
GROUP BY o.owner
