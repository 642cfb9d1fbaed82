SELECT order_id, note
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-20'
  AND note = '\uD83D\uDE00 \U0001F389'
