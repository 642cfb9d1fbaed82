-- A LATERAL VIEW of a function sluice does not know (a UDTF may be
-- non-deterministic): the WHERE does not count for the scan below it.
SELECT v FROM main.sales.transactions LATERAL VIEW my_udtf(amount) g AS v WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
