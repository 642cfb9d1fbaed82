-- first: totals
SELECT sum(amount) AS total FROM main.sales.transactions;

/* second: by region */
SELECT region, sum(amount) AS total
FROM main.sales.transactions
GROUP BY region;
-- third
SELECT 'done' AS status;
