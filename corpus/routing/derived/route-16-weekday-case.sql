SELECT CASE WHEN weekday(transaction_ts) < 5 THEN 'weekday' ELSE 'weekend' END AS part, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1
ORDER BY 1
