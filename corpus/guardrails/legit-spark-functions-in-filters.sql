SELECT region, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= date_sub(current_date(), 7)
  AND customer_email RLIKE '^[a-z]+@corp\\.com$'
  AND coupon_code <=> NULL
  AND tags[0] = 'promo'
GROUP BY region
LIMIT 100
