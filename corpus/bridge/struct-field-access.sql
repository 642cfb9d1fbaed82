SELECT address.city, address.zip AS zip_code, c.address.country
FROM main.sales.customers c
WHERE address.city IS NOT NULL
