SELECT pr.category, tx.transaction_date, max(tx.amount) AS largest
FROM main.sales.transactions AS tx
JOIN main.sales.products AS pr ON pr.product_id = tx.product_id
WHERE pr.category = 'toys' AND tx.transaction_date >= DATE '2026-10-15'
GROUP BY pr.category, tx.transaction_date
