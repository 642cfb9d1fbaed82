SELECT first_name || ' ' || last_name AS full_name, 'id-' || CAST(customer_id AS STRING) AS tag, country || '-' || segment || '-' || 2026 AS code
FROM main.sales.customers
