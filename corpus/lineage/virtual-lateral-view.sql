SELECT tag, count(*) AS n
FROM (SELECT p.product_id, t.tag FROM sales.products p LATERAL VIEW explode(p.tags) t AS tag) AS virtual_table
GROUP BY tag
