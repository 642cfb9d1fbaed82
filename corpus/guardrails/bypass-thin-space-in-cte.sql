WITH x AS (SELECT * FROM main.sales.transactions ) SELECT count(*) FROM x
