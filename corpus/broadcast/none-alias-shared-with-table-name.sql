-- The small table's alias r is also the last name part of the unaliased
-- main.geo.r (size unknown): BROADCAST(r) would name both, so none is added.
SELECT r.name, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.sales.regions r ON t.region_id = r.region_id
JOIN main.geo.r ON t.geo_id = main.geo.r.id
GROUP BY r.name
