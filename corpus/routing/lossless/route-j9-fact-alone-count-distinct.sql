SELECT tx.transaction_date AS day, count(DISTINCT tx.channel) AS channels
FROM main.sales.transactions tx
WHERE tx.transaction_date >= DATE '2026-11-01'
GROUP BY tx.transaction_date
