SELECT date_trunc('year', signup_date) AS signup_date,
       count(*) AS `count`
FROM main.sales.customers
GROUP BY date_trunc('year', signup_date)
ORDER BY `count` DESC
LIMIT 10000
