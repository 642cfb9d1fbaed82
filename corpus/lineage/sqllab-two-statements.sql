SELECT region FROM sales.orders;
SELECT name, email FROM sales.customers WHERE active
