SELECT customer_id, account_no, name
FROM sales.orders JOIN sales.customers USING (customer_id) JOIN sales.accounts USING (customer_id)
