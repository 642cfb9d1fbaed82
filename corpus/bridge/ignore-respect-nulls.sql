-- IGNORE / RESPECT NULLS after the call, and IGNORE NULLS inside first / last / any_value.
SELECT first(amount IGNORE NULLS) AS first_amount,
       last(amount) RESPECT NULLS OVER w AS last_amount,
       any_value(region IGNORE NULLS) AS some_region,
       lag(amount) IGNORE NULLS OVER (PARTITION BY region ORDER BY transaction_ts) AS prev_amount,
       nth_value(amount, 2) RESPECT NULLS OVER w AS second_amount
FROM main.sales.transactions
WINDOW w AS (ORDER BY transaction_ts)
