-- Spark reads a LIKE b >= c as a LIKE (b >= c), PostgreSQL as (a LIKE b) >= c: the bridge brackets it as Spark reads it.
SELECT * FROM main.sales.products WHERE name LIKE 'a%' = true
