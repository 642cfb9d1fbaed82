SELECT region FROM main.sales.transactions; -- trailing note
