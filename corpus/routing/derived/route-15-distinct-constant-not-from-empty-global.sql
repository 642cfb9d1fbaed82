SELECT DISTINCT 'void' AS scope
FROM main.sales.transactions
WHERE status = 'void'
