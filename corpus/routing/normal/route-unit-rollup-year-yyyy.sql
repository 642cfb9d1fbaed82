SELECT date_trunc('YYYY', transaction_date) AS y, region, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('YYYY', transaction_date), region
ORDER BY 1, 2
