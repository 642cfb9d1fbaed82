-- The date condition in the ON is pushed to the sampled side, above its
-- Sample: the fact is read whole.
SELECT p.name, t.amount FROM main.sales.products p JOIN main.sales.transactions TABLESAMPLE (1 PERCENT) t ON t.product_id = p.product_id AND t.transaction_date >= DATE '2026-11-01' LIMIT 100
