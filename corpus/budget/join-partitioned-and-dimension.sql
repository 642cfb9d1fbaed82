-- transactions 10 days (77,500,000,000) + customers whole (50,000,000,000)
-- = 127,500,000,000 bytes
SELECT c.name, sum(t.amount) FROM main.sales.transactions t
JOIN main.sales.customers c ON t.customer_id = c.id
WHERE t.transaction_date >= current_date() - INTERVAL 10 DAYS
GROUP BY c.name
