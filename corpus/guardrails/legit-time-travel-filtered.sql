-- Judged like a plain scan: a window on the partition column satisfies the rule.
SELECT region, sum(amount) AS revenue
FROM main.sales.transactions@v12 t
WHERE t.transaction_date >= DATE '2026-11-01'
GROUP BY region
LIMIT 100
