SELECT sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= make_date(2024, 1, 1)
