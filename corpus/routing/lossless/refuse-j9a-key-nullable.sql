SELECT date_trunc('month', t.transaction_date) AS month, t.region, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
GROUP BY date_trunc('month', t.transaction_date), t.region
