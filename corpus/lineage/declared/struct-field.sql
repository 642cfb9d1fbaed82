SELECT name, address.city AS city FROM sales.customers WHERE address.zip LIKE '9%'
