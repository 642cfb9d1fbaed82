SELECT count(*) AS regions
FROM main.sales.regions
WHERE region IN (SELECT DISTINCT region FROM main.sales.transactions WHERE status = 'paid')
