SELECT * FROM sales.customers NATURAL JOIN sales.accounts
