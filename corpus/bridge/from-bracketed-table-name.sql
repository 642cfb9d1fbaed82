-- A table name in brackets is the table.
SELECT * FROM (main.sales.products) p JOIN (main.sales.regions) ON p.region_id = regions.id
