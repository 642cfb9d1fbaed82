SELECT product, sum(quantity) AS units
FROM sales.orders
WHERE product LIKE 'A%' AND coupon IS NULL AND note IS NOT NULL AND is_gift IS TRUE
  AND channel <> 'web' AND lower(city) ILIKE '%york%'
GROUP BY product
LIMIT 50
