SELECT transaction_date, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY transaction_date
