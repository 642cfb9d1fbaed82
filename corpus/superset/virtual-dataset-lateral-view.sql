SELECT tag AS tag,
       count(*) AS `count`
FROM
  (SELECT p.product_id, p.category, tag
FROM main.sales.products p
LATERAL VIEW explode(p.tags) exploded AS tag
) AS virtual_table
WHERE category != 'archived'
GROUP BY tag
ORDER BY `count` DESC
LIMIT 50
