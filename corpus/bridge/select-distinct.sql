SELECT DISTINCT region, channel FROM main.sales.transactions
