-- main.sales.returns has no size: budget.unsized "zero" counts it 0;
-- customers 50,000,000,000 bytes
SELECT r.id FROM main.sales.returns r JOIN main.sales.customers c ON r.customer_id = c.id
