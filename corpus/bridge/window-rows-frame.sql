SELECT customer_id, transaction_date,
       sum(amount) OVER (PARTITION BY customer_id ORDER BY transaction_date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
       avg(amount) OVER (PARTITION BY customer_id ORDER BY transaction_date ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING) AS moving,
       max(amount) OVER (ORDER BY transaction_date ROWS UNBOUNDED PRECEDING) AS max_so_far
FROM main.sales.transactions
