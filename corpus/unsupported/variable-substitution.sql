SELECT *
FROM main.sales.transactions
WHERE region = '${region}' AND transaction_date >= ${start_date}
