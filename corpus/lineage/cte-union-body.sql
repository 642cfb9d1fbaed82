WITH all_orders AS (SELECT order_id, amount FROM sales.web_orders
                    UNION ALL SELECT order_id, amount FROM sales.store_orders)
SELECT sum(amount) AS total FROM all_orders
