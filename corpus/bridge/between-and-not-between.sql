SELECT *
FROM main.sales.transactions
WHERE amount BETWEEN 10 AND 20
  AND quantity NOT BETWEEN 5 AND 9
  AND transaction_date BETWEEN current_date() - INTERVAL 7 DAYS AND current_date()
