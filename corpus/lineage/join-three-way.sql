SELECT o.order_id, c.name, p.title
FROM sales.orders o
JOIN sales.customers c ON o.customer_id = c.customer_id
LEFT JOIN sales.products p ON o.product_id = p.product_id AND p.active
