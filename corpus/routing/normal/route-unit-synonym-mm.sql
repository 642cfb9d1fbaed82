SELECT date_trunc('MM', transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
WHERE region = 'north'
GROUP BY date_trunc('MM', transaction_date)
ORDER BY 1
