SELECT product_id,
       amount,
       amount / (SELECT sum(amount) FROM main.sales.transactions) AS share,
       (SELECT max(list_price) FROM main.sales.products p WHERE p.product_id = t.product_id) AS list_price
FROM main.sales.transactions t
