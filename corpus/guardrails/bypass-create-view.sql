CREATE VIEW sales.all_tx AS SELECT * FROM sales.transactions
