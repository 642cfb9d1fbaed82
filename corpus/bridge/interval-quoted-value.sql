SELECT transaction_date + INTERVAL '7' DAY AS d7, transaction_ts - INTERVAL '30' MINUTE AS m30, INTERVAL '1 day' AS one_day
FROM main.sales.transactions
