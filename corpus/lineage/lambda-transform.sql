SELECT p.product_id, transform(p.prices, x -> x * 1.2) AS gross, filter(p.tags, t -> t <> '') AS tags
FROM sales.products p
