SELECT TRY_CAST(raw_amount AS DECIMAL(10,2)) AS amount, try_cast(raw_date AS DATE) AS d, TRY_CAST('abc' AS INT) AS bad
FROM staging.raw_transactions
