SELECT DISTINCT upper(region) AS region_upper, coalesce(channel, 'none') AS channel
FROM main.sales.transactions
ORDER BY 1, 2
