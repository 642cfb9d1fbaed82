-- a CTE body (10 days, 77,500,000,000) and a UNION branch (events 3 days,
-- 6,000,000,000): 83,500,000,000 bytes
WITH recent AS (SELECT customer_id FROM main.sales.transactions
                WHERE transaction_date >= current_date() - INTERVAL 10 DAYS)
SELECT customer_id FROM recent
UNION ALL
SELECT customer_id FROM main.sales.events WHERE event_date >= current_date() - INTERVAL 3 DAYS
