-- A NATURAL join is an inner join on the shared columns: hinted like one.
SELECT region_id, sum(amount) AS revenue
FROM main.sales.transactions NATURAL JOIN main.sales.regions
GROUP BY region_id
