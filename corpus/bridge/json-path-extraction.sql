-- JSON paths on STRING / VARIANT columns: keys, subscripts, bracketed and back-quoted keys, casts after.
SELECT raw:customer.address.city AS city,
       raw:items[0].sku::STRING AS first_sku,
       o.raw:['delivery date'] AS delivery,
       raw:`shipping method`.carrier AS carrier,
       raw:items[*].price AS prices
FROM raw.orders_json o
WHERE raw:status = 'open'
