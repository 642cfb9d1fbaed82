-- Spark reads a LIKE b >= c as a LIKE (b >= c), PostgreSQL as (a LIKE b) >= c: parentheses needed.
SELECT * FROM main.sales.products WHERE name LIKE 'a%' = true
