SHOW TABLES IN sales;
DESCRIBE TABLE sales.orders
