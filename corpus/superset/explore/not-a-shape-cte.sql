WITH x AS (SELECT * FROM sales.transactions) SELECT * FROM x LIMIT 1000
