-- the ON equality carries the 5-day window of transactions to events:
-- 5 x 7,750,000,000 + 5 x 2,000,000,000 = 38,750,000,000 + 10,000,000,000 = 48,750,000,000
SELECT count(*) FROM main.sales.transactions t
JOIN main.sales.events e ON t.transaction_date = e.event_date
WHERE t.transaction_date >= current_date() - INTERVAL 5 DAYS
