SELECT channel, max(amount) AS largest
FROM main.sales.transactions
WHERE DATE '2026-10-31' >= transaction_date AND '2026-10-01' <= transaction_date
GROUP BY channel
