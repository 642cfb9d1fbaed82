SELECT order_id, amount
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-20'
  AND (coupon_code <=> NULL = is_full_price)
