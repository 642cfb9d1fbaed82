SELECT Region, SUM(Amount) AS TotalAmount
FROM Main.Sales.Transactions
WHERE Channel = 'web'
GROUP BY Region
