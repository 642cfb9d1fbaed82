SELECT region, sum(amount) FILTER (WHERE channel = 'web') AS web_revenue
FROM main.sales.transactions
GROUP BY region
