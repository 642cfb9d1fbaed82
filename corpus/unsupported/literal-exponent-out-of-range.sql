SELECT amount * 1e309 AS overflow
FROM orders
