-- customers has no partition column: the whole table, 50,000,000,000 bytes
SELECT name FROM main.sales.customers
