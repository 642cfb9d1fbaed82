SELECT stack(2, 'a', count(*), 'b', max(price)) FROM sales.products
