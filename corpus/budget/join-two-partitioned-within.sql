-- transactions 10 days (77,500,000,000) + events 10 days (20,000,000,000)
-- = 97,500,000,000 bytes
SELECT t.region, count(*) FROM main.sales.transactions t
JOIN main.sales.events e ON t.customer_id = e.customer_id
WHERE t.transaction_date >= current_date() - INTERVAL 10 DAYS
  AND e.event_date >= current_date() - INTERVAL 10 DAYS
GROUP BY t.region
