SELECT /*+ BROADCAST(`Product Table`) */ `Product Table`.category, t.amount
FROM main.sales.transactions t
JOIN main.sales.products AS `Product Table` ON `Product Table`.product_id = t.product_id
