SELECT category AS category,
       avg(discounted_total) AS `AVG(discounted_total)`
FROM
  (SELECT category,
       aggregate(transform(price_points, x -> x * 0.9), 0D, (acc, x) -> acc + x) AS discounted_total,
       size(filter(tags, t -> t LIKE 'promo%')) AS promo_tags
FROM main.sales.products
) AS virtual_table
WHERE promo_tags > 0
GROUP BY category
ORDER BY `AVG(discounted_total)` DESC
LIMIT 10000
