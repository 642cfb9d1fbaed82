-- In the proof's data no 'east' row is dated November 20: the aggregate's branch is
-- empty, the fact's holds November 22 and 23.  One row all the same.
SELECT sum(amount) AS revenue, count(*) AS orders, max(amount) AS largest
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-20' AND region = 'east'
