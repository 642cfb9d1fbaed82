SELECT source, count(*) AS n
FROM (SELECT 'web' AS source, order_id FROM sales.web_orders
      UNION ALL
      SELECT 'store' AS source, order_id FROM sales.store_orders) AS virtual_table
GROUP BY source
