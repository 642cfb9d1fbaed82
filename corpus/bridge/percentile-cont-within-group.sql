SELECT region,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median_amount,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY amount DESC) AS p90_desc,
       percentile_approx(amount, 0.95) AS p95
FROM main.sales.transactions
GROUP BY region
