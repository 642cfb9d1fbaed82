SELECT channel, sum(amount) AS revenue
FROM main.sales.transactions
WHERE region IN ('north', 'south') AND channel <> 'store' AND region IS NOT NULL
GROUP BY channel
ORDER BY 1
