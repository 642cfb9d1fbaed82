SELECT a, b FROM main.sales.products AS (a, b, c)
