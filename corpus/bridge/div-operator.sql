SELECT quantity DIV 12 AS dozens, quantity % 12 AS rest, 17 div 5 AS three
FROM main.sales.transactions
