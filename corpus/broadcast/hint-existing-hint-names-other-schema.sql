-- The user's BROADCAST(geo.regions) names main.geo.regions only; the tiny
-- main.sales.regions is not covered, and gets its own name.
SELECT /*+ BROADCAST(geo.regions) */ sales.regions.name, count(*) AS n
FROM main.sales.transactions t
JOIN main.geo.regions ON t.geo_id = geo.regions.id
JOIN main.sales.regions ON t.region_id = sales.regions.region_id
GROUP BY sales.regions.name
