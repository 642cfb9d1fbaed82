INSERT INTO sales.orders_copy SELECT * FROM sales.orders WHERE status = 'paid'
