SELECT CAST(amount AS DECIMAL(10,2)) AS a2, CAST(amount AS DECIMAL(38, 10)) AS a10, CAST('1.5' AS DECIMAL) AS plain, CAST(1 AS NUMERIC(5, 1)) AS numeric_alias
FROM main.sales.transactions
