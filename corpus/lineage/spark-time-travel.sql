SELECT region, amount FROM sales.orders VERSION AS OF 12
