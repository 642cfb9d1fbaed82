-- No row has channel 'fax': both branches are empty, and the query still returns one row
-- (revenue NULL, orders 0), as it does on the fact.
SELECT sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-15' AND channel = 'fax'
