SELECT customer_id FROM main.sales.transactions
INTERSECT
SELECT customer_id FROM main.sales.customers WHERE is_active
EXCEPT
SELECT customer_id FROM crm.blocked_customers
