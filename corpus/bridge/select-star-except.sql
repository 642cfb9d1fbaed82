SELECT * EXCEPT (discount, channel), t.* EXCEPT (t.quantity)
FROM main.sales.transactions t
