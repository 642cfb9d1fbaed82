CREATE TABLE tmp.top_regions AS
SELECT region, sum(amount) AS revenue
FROM transactions
WHERE transaction_date >= date_sub(current_date(), 30)
GROUP BY region
