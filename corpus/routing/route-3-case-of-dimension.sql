SELECT CASE WHEN region IN ('north', 'east') THEN 'ne' ELSE 'other' END AS zone, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY CASE WHEN region IN ('north', 'east') THEN 'ne' ELSE 'other' END
ORDER BY 1
