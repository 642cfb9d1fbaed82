SELECT transaction_id AS transaction_id, region AS region
FROM sales.transactions
WHERE region = 'EMEA'
LIMIT 1000 OFFSET 0
