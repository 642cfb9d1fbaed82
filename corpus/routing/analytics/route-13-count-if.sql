SELECT region, count_if(channel = 'web') AS web_orders, count_if(status IN ('paid', 'pending')) AS open_orders
FROM main.sales.transactions
GROUP BY region
