-- Spark has IGNORE NULLS inside the brackets of first / last / any_value only.
SELECT last(amount RESPECT NULLS) AS last_amount FROM main.sales.transactions
