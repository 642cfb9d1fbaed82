-- PIVOT: several aggregates with and without AS, a tuple FOR column, chained PIVOTs.
SELECT *
FROM (SELECT year, quarter, region, sales FROM main.sales.quarterly) AS s
PIVOT (sum(sales) AS total, avg(sales) avg
       FOR (quarter, region) IN ((1, 'east') AS q1_east, (2, 'west') q2_west))
PIVOT (sum(q1_east_total) AS t FOR year IN (2024, 2025 AS y2025))
