SELECT count(*) FROM sales.products;
SELECT count(*) FROM sales.products
