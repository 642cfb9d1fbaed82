-- transactions 20 days (155,000,000,000) + events 30 days (60,000,000,000)
-- = 215,000,000,000 bytes > 200 GB
SELECT t.region, count(*) FROM main.sales.transactions t
JOIN main.sales.events e ON t.customer_id = e.customer_id
WHERE t.transaction_date >= current_date() - INTERVAL 20 DAYS
  AND e.event_date >= current_date() - INTERVAL 30 DAYS
GROUP BY t.region
