-- IGNORE / RESPECT NULLS after the call and inside it.
SELECT first(amount IGNORE NULLS) AS first_amount,
       last(amount RESPECT NULLS) AS last_amount,
       lag(amount) IGNORE NULLS OVER (PARTITION BY region ORDER BY transaction_ts) AS prev_amount,
       nth_value(amount, 2) RESPECT NULLS OVER w AS second_amount
FROM main.sales.transactions
WINDOW w AS (ORDER BY transaction_ts)
