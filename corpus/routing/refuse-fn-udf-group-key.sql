SELECT fiscal_quarter(transaction_date) AS fq, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY fiscal_quarter(transaction_date)
