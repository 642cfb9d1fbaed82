SELECT product_id, amount,
       rank() OVER (ORDER BY amount DESC) AS rk,
       dense_rank() OVER (ORDER BY amount DESC) AS drk,
       percent_rank() OVER (ORDER BY amount) AS prk,
       ntile(4) OVER (PARTITION BY region ORDER BY amount) AS quartile,
       cume_dist() OVER (ORDER BY amount) AS cd
FROM main.sales.transactions
