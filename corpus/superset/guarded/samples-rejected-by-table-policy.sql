SELECT transaction_id AS transaction_id, region AS region
FROM sales.transactions
LIMIT 1000 OFFSET 0
