-- Daily revenue of the sales alone: revenue_by_day_category holds only
-- the sales whose product the products table lists (the example does not
-- declare product_id a total reference, J7/J9), so revenue_by_day_region
-- answers it.
SELECT transaction_date, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-10-01'
GROUP BY transaction_date
