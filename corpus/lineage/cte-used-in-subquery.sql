WITH vip AS (SELECT customer_id FROM sales.customers WHERE tier = 'gold')
SELECT order_id, amount FROM sales.orders WHERE customer_id IN (SELECT customer_id FROM vip)
