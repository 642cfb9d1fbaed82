-- GROUP BY ALL and ORDER BY ALL.
SELECT region, channel, count(*) AS n
FROM main.sales.transactions
GROUP BY ALL
ORDER BY ALL DESC
