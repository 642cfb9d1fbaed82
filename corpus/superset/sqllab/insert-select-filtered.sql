INSERT INTO tmp.daily
SELECT transaction_date, sum(amount)
FROM transactions
WHERE transaction_date >= DATEADD(DAY, -7, CURRENT_DATE)
GROUP BY transaction_date
