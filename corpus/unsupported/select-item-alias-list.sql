-- A column alias list on a select item (a generator's columns).
SELECT posexplode(tags) AS (pos, tag) FROM main.sales.products
