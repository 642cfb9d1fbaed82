-- The sampled scan's date equals a bounded one, but the equality is a
-- filter above the Sample: the sampled scan is read whole.
SELECT s.amount FROM main.sales.transactions TABLESAMPLE (1 PERCENT) s JOIN main.sales.transactions t ON s.transaction_date = t.transaction_date AND s.order_id = t.order_id WHERE t.transaction_date >= DATE '2026-11-01' LIMIT 100
