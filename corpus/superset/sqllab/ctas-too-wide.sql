CREATE TABLE tmp.history AS
SELECT * FROM sales.transactions WHERE transaction_date >= DATE'2020-01-01'
