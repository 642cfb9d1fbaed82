CREATE TABLE sales.tx_copy AS
SELECT * FROM sales.transactions WHERE transaction_date >= DATE '2026-11-01'
