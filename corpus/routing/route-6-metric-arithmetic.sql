SELECT region, sum(amount) / count(*) AS avg_ticket, sum(amount) * 2 AS double_revenue
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
