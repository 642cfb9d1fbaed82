SELECT `Order Date`, `Customer Name`, `TOTAL` AS `Grand Total (USD)`
FROM `Sales Data`
WHERE `Customer Name` <> ''
