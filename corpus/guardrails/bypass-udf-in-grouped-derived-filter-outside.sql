SELECT * FROM (SELECT transaction_date, to_eur(sum(amount)) AS revenue FROM main.sales.transactions GROUP BY transaction_date) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
