SHOW TABLES FROM main.sales LIKE 'trans*'
