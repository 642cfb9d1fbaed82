-- In the proof's data (tests/routing/prove.py) no 'north' row is dated after
-- November 20: the fact branch is empty, the aggregate's holds November 18 and 19.
SELECT region, sum(amount) AS revenue, count(amount) AS priced
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-17' AND region = 'north'
GROUP BY region
