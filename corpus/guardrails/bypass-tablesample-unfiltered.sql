-- A sample still scans the fact table: without a date filter it is refused.
SELECT region, count(*) AS n FROM main.sales.transactions TABLESAMPLE (1 PERCENT) GROUP BY region
