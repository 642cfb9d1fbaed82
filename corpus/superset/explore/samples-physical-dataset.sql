SELECT transaction_id AS transaction_id, region AS region, amount AS amount, transaction_date AS transaction_date
FROM sales.transactions
LIMIT 1000 OFFSET 0
