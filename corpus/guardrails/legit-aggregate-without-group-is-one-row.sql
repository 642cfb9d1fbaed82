SELECT count(*) AS products, max(price) AS top_price FROM sales.products
