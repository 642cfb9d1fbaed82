SELECT coalesce(nickname, name) AS display, nullif(amount, 0) AS amt FROM sales.customers
