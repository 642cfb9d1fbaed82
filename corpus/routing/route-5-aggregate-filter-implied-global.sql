SELECT sum(amount) AS paid_revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-01' AND status = 'paid'
