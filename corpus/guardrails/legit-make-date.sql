SELECT sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= make_date(2026, 1, 1)
