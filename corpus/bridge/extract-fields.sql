SELECT EXTRACT(YEAR FROM transaction_date) AS y, extract(month FROM transaction_date) AS m, EXTRACT(DOW FROM transaction_date) AS dow, EXTRACT(HOUR FROM transaction_ts) AS h, date_part('quarter', transaction_date) AS q
FROM main.sales.transactions
