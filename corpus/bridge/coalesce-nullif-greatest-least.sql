SELECT coalesce(discount, 0) AS disc, nullif(quantity, 0) AS q, greatest(amount, 0, discount) AS g, least(amount, 100) AS l, ifnull(region, 'n/a') AS r, nvl(channel, 'unknown') AS ch
FROM main.sales.transactions
