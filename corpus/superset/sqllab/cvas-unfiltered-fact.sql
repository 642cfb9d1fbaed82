CREATE VIEW tmp.all_sales AS SELECT * FROM main.sales.transactions
