-- Two tables named regions: main.geo.regions (size unknown, so large) and
-- main.sales.regions (tiny).  BROADCAST(regions) would name both under
-- Spark's rule (the hint's parts match the rightmost parts of the name), so
-- the hint names the small one by the shortest suffix only it has.
SELECT sales.regions.name, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.geo.regions ON t.geo_id = geo.regions.id
JOIN main.sales.regions ON t.region_id = sales.regions.region_id
WHERE t.transaction_date >= DATE '2026-11-01'
GROUP BY sales.regions.name
