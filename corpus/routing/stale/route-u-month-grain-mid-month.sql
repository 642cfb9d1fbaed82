-- fresh_through is November 15: the stored November is half a month, so the split is
-- November 1 (the end of the last whole month), and November comes from the fact.
SELECT date_trunc('month', transaction_date) AS `month`, region, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-08-01'
GROUP BY date_trunc('month', transaction_date), region
ORDER BY 1, 2
