-- An alias list over a UNION: the second branch's date is at the other
-- position, renamed b, and unbounded.
SELECT count(*) AS n FROM (SELECT transaction_date, ship_date FROM main.sales.transactions UNION ALL SELECT ship_date, transaction_date FROM main.sales.transactions) AS d (a, b) WHERE a >= DATE '2026-11-01' LIMIT 100
