SELECT amount FROM main.sales.transactions WHERE region = 'EU'
