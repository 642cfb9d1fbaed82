SELECT map_filter(attrs = (k, v) -> k LIKE 'dim_%') AS dims FROM main.sales.products
