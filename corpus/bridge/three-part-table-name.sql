SELECT t.amount, c.segment
FROM main.sales.transactions t
JOIN hive_metastore.crm.customers c ON c.customer_id = t.customer_id
