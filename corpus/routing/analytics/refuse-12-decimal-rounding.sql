SELECT region, avg(tax) AS avg_tax
FROM main.sales.transactions
GROUP BY region
