SELECT date_trunc('month', transaction_date) AS month_start, region, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('month', transaction_date), region
ORDER BY 1, 2
