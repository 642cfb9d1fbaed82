SELECT o.address.city, o.address.zip AS zip FROM sales.orders o
