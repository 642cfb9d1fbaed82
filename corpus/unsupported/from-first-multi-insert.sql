-- Hive's FROM-first multi-insert writes tables: refused, and named as the INSERT it is.
FROM main.sales.transactions
INSERT INTO TABLE main.sales.web_copy SELECT * WHERE channel = 'web'
INSERT INTO TABLE main.sales.app_copy SELECT * WHERE channel = 'app'
