SELECT CAST(amount AS STRING) AS s, CAST(quantity AS INT) AS i, CAST(customer_id AS BIGINT) AS b,
       CAST(amount AS DOUBLE) AS d, CAST(discount AS FLOAT) AS f, CAST(quantity AS SMALLINT) AS si,
       CAST('true' AS BOOLEAN) AS flag, CAST(transaction_ts AS DATE) AS dt, CAST(transaction_date AS TIMESTAMP) AS ts
FROM main.sales.transactions
