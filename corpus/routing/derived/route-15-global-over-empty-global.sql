SELECT count(*) AS orders, sum(amount) AS revenue
FROM main.sales.transactions
WHERE status = 'void'
