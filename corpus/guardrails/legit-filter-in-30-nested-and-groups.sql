SELECT order_id
FROM sales.transactions
WHERE (amount > 29 AND (amount > 28 AND (amount > 27 AND (amount > 26 AND (amount > 25 AND (amount > 24 AND (amount > 23 AND (amount > 22 AND (amount > 21 AND (amount > 20 AND (amount > 19 AND (amount > 18 AND (amount > 17 AND (amount > 16 AND (amount > 15 AND (amount > 14 AND (amount > 13 AND (amount > 12 AND (amount > 11 AND (amount > 10 AND (amount > 9 AND (amount > 8 AND (amount > 7 AND (amount > 6 AND (amount > 5 AND (amount > 4 AND (amount > 3 AND (amount > 2 AND (amount > 1 AND (amount > 0 AND transaction_date >= DATE '2026-11-01'))))))))))))))))))))))))))))))
LIMIT 100
