-- A LATERAL VIEW whose column list names transaction_date: the unqualified
-- name could be the generator's, so it bounds nothing.
SELECT transaction_date FROM main.sales.transactions LATERAL VIEW explode(array(DATE '2026-11-01')) x AS transaction_date WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
