SELECT order_id FROM main . sales .transactions LIMIT 100
