SELECT t.transaction_date AS __timestamp, s.size AS size, sum(t.amount) AS `SUM(amount)`
FROM main.sales.transactions AS t
LEFT JOIN main.sales.stores AS s ON t.store_id = s.store_id
WHERE t.transaction_date >= DATE '2026-10-01' AND t.transaction_date < DATE '2026-11-01'
GROUP BY t.transaction_date, s.size
ORDER BY `SUM(amount)` DESC
LIMIT 10000
