SELECT tags[0] AS first_tag, tags[size(tags) - 1] AS last_tag, array(10, 20, 30)[1] AS twenty
FROM main.sales.products
