SELECT date_sub(current_date(), 30) AS month_ago, date_add(transaction_date, 14) AS due, add_months(transaction_date, -3) AS prev_quarter, datediff(current_date(), transaction_date) AS age_days
FROM main.sales.transactions
