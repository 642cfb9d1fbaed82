CREATE OR REPLACE VIEW tmp.recent_sales AS
SELECT * FROM main.sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 90 DAYS
