SELECT count(*) AS customers FROM main.sales.customers;
SELECT count(*) AS products FROM main.sales.products;
