SELECT INTERVAL '1-2' YEAR TO MONTH AS ym, INTERVAL '3 04:05:06' DAY TO SECOND AS dts, signup_date + INTERVAL '0-6' YEAR TO MONTH AS half_year_later
FROM main.sales.customers
