SELECT transaction_date, sum(amount) AS revenue
FROM main.sales.transactions
WHERE (status = 'paid' OR status = 'pending')
GROUP BY transaction_date
