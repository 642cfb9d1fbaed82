SELECT * FROM (SELECT o.*, c.segment FROM sales.orders o JOIN sales.customers c USING (customer_id)) AS virtual_table
WHERE segment = 'smb'
