SELECT region, avg(amount) AS avg_amount
FROM sales.orders
WHERE (region IN ('EMEA')) AND (tenant_id = 42)
GROUP BY region
