SELECT weekofyear(transaction_date) AS wk, status, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1, 2
