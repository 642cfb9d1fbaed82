SELECT country AS country,
       count(*) AS `count`
FROM (SELECT e.*, upper(e.country_code) AS country
      FROM web.signup_events e) AS virtual_table
GROUP BY country
LIMIT 10000
