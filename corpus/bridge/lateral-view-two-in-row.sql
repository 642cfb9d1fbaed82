SELECT o.order_id, item, coupon
FROM sales.orders o
LATERAL VIEW explode(o.items) i AS item
LATERAL VIEW OUTER explode(o.coupons) c AS coupon
