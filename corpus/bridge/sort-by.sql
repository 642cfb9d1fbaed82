SELECT customer_id, transaction_ts
FROM main.sales.transactions
SORT BY transaction_ts DESC
