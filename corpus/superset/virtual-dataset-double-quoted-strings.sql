SELECT status AS status,
       count(*) AS `count`
FROM
  (SELECT customer_id,
       CASE WHEN is_active THEN "active" ELSE "churned" END AS status,
       concat_ws(" / ", country, segment) AS label
FROM main.sales.customers
WHERE segment <> "test"
) AS virtual_table
GROUP BY status
ORDER BY `count` DESC
LIMIT 10000
