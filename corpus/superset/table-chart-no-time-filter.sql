SELECT channel AS channel,
       sum(`quantity`) AS `SUM(quantity)`
FROM main.sales.transactions
GROUP BY channel
ORDER BY `SUM(quantity)` DESC
LIMIT 10000
