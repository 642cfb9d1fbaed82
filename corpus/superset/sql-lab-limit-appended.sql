SELECT c.customer_name, c.segment, sum(t.amount) AS total
FROM main.sales.transactions t
JOIN main.sales.customers c ON c.customer_id = t.customer_id
WHERE t.transaction_date >= current_date() - INTERVAL 30 DAYS
GROUP BY c.customer_name, c.segment
ORDER BY total DESC
LIMIT 100000
