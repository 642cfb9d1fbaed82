SELECT a, b
FROM (SELECT date_add(transaction_date, -40) AS a, transaction_date AS b, sum(amount) AS s
      FROM main.sales.transactions GROUP BY transaction_date) AS d (b, a, revenue)
WHERE b < '2026-10-01'
