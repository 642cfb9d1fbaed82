SELECT o.attrs['color'] AS color, o.items[0] AS first_item FROM sales.orders o
