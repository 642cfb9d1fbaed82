-- transactions 5 days (38,750,000,000) + events unbounded: the whole table
-- (1,000,000,000,000) = 1,038,750,000,000 bytes > 200 GB
SELECT count(*) FROM main.sales.transactions t
JOIN main.sales.events e ON t.customer_id = e.customer_id
WHERE t.transaction_date >= current_date() - INTERVAL 5 DAYS
