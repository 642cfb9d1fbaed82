SELECT transaction_date AS day, sum(amount) AS revenue
FROM main.sales.transactions WHERE status = 'paid' GROUP BY transaction_date
