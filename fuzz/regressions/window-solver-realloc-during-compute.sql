SELECT c.day, t.amount
FROM main.sales.transactions t
JOIN main.sales.calendar c ON c.day = t.transaction_date
