-- In Spark "list_price isnull" is list_price under the alias isnull, not
-- PostgreSQL's postfix IS NULL: the LIMIT added must keep the values.
SELECT product_id, list_price isnull FROM main.sales.products
