-- no rule changes it: the output is the comment, a space and these bytes
SELECT  customer_id ,  amount
FROM main.sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 7 DAYS
