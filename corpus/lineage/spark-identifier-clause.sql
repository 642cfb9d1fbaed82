SELECT region FROM IDENTIFIER('main.sales.orders') WHERE amount > 1
