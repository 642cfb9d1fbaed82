SELECT 'abc FROM sales.orders
