SHOW TABLES IN sales extra
