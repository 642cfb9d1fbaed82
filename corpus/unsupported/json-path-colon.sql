SELECT raw:customer.address.city AS city, raw:items[0].sku::STRING AS first_sku
FROM raw.orders_json
