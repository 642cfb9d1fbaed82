-- Spark's PIVOT takes no alias; a subquery around it does.
SELECT p.web FROM main.sales.transactions PIVOT (sum(amount) FOR channel IN ('web' AS web)) AS p
