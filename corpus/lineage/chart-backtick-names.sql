SELECT `Order Region`, sum(`Net Amount`) AS `SUM(Net Amount)`
FROM sales.`Order Facts`
GROUP BY `Order Region`
