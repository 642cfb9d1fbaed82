SELECT c.customer_id
FROM main.sales.customers c
WHERE c.customer_id IN (SELECT customer_id FROM main.sales.transactions WHERE amount > 1000)
  AND EXISTS (SELECT 1 FROM main.web.page_events e WHERE e.user_id = c.customer_id)
  AND NOT EXISTS (SELECT 1 FROM crm.blocked_customers b WHERE b.customer_id = c.customer_id)
