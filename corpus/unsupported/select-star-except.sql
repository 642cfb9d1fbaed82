SELECT * EXCEPT (discount, channel)
FROM main.sales.transactions
