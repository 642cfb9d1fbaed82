SELECT COUNT(*) AS `COUNT(*)`
FROM sales.transactions
