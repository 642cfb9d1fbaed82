SELECT channel, count(*) AS orders
FROM main.sales.transactions
WHERE hour(transaction_ts) BETWEEN 9 AND 17
GROUP BY channel
ORDER BY 1
