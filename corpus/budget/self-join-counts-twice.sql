-- each place the table is named is a scan: 2 x 10 days x 7,750,000,000
-- = 155,000,000,000 bytes
SELECT a.region, count(*) FROM main.sales.transactions a
JOIN main.sales.transactions b ON a.customer_id = b.customer_id
WHERE a.transaction_date >= current_date() - INTERVAL 10 DAYS
  AND b.transaction_date >= current_date() - INTERVAL 10 DAYS
GROUP BY a.region
