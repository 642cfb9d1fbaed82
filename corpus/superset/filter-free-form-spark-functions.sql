SELECT channel AS channel,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE (transaction_date >= date_sub(current_date(), 7))
  AND (dayofweek(transaction_date) NOT IN (1, 7))
GROUP BY channel
ORDER BY `SUM(amount)` DESC
LIMIT 10000
