-- The legacy form with a column list before GROUPING SETS.
SELECT region, channel, count(*) AS n FROM main.sales.transactions
GROUP BY region, channel GROUPING SETS ((region, channel), (region), ())
