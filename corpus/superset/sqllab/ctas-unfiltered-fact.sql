CREATE TABLE tmp.top_regions AS
SELECT region, sum(amount) AS revenue FROM transactions GROUP BY region
