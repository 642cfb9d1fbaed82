SELECT region, sum(amount) * rand() AS noisy
FROM main.sales.transactions
GROUP BY region
