-- NATURAL FULL JOIN: neither side may be broadcast.
SELECT region_id, count(*) AS n
FROM main.sales.transactions NATURAL FULL JOIN main.sales.regions
GROUP BY region_id
