-- no filter: partition-filter injects the default 14 days, and the budget judges
-- the final tree: 14 x 7,750,000,000 = 108,500,000,000 bytes
SELECT region, sum(amount) FROM main.sales.transactions GROUP BY region
