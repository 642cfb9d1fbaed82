SHOW COLUMNS IN transactions FROM sales
