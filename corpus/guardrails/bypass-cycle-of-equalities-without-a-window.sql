SELECT count(*) AS n
FROM sales.transactions a
JOIN sales.transactions b ON a.transaction_date = b.transaction_date
JOIN sales.transactions c ON b.transaction_date = c.transaction_date AND c.transaction_date = a.transaction_date
