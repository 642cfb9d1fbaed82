SELECT region FROM sales.transactions WHERE false OR region = 'EMEA'
