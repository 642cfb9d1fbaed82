SELECT customer_id, amount FROM Transactions LIMIT 100
