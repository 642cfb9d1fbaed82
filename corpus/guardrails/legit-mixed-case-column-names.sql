SELECT Region, Sum(Amount) AS Revenue
FROM Sales.Transactions
WHERE Transaction_Date BETWEEN '2026-11-01' AND '2026-11-23'
GROUP BY Region
LIMIT 100
