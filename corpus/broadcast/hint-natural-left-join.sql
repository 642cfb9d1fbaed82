-- NATURAL LEFT JOIN: the right side may be broadcast.
SELECT t.region_id, sum(t.amount) AS revenue
FROM main.sales.transactions t NATURAL LEFT JOIN main.sales.regions r
GROUP BY t.region_id
