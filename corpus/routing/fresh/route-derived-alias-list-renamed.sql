SELECT x, revenue
FROM (SELECT transaction_date, sum(amount) FROM main.sales.transactions GROUP BY transaction_date) AS d (x, revenue)
WHERE x <= DATE '2026-10-31'
