-- regions (main.sales.regions, tiny) and main.geo.regions (large) are both
-- unaliased; the only name the small one has, regions, also names the large
-- one, so no hint could single it out: none is added.
SELECT regions.name, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.geo.regions ON t.geo_id = main.geo.regions.id
JOIN regions ON t.region_id = regions.region_id
GROUP BY regions.name
