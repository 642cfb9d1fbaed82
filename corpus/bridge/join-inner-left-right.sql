SELECT t.transaction_id, c.segment, p.category
FROM main.sales.transactions t
INNER JOIN main.sales.customers c ON c.customer_id = t.customer_id
LEFT JOIN main.sales.products p ON p.product_id = t.product_id
RIGHT OUTER JOIN main.ref.regions r ON r.region_code = t.region
