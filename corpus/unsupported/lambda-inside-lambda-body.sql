SELECT filter(price_points, p -> p > p -> p > 10) AS mid_range FROM main.sales.products
