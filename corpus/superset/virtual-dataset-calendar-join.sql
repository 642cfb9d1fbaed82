SELECT fiscal_quarter AS fiscal_quarter,
       sum(amount) AS `SUM(amount)`
FROM
  (SELECT c.fiscal_year, c.fiscal_quarter, c.is_holiday, t.amount, t.transaction_date
FROM main.sales.transactions t
INNER JOIN main.ref.calendar c ON c.cal_date = t.transaction_date
WHERE c.fiscal_year = year(current_date())
) AS virtual_table
WHERE is_holiday IS false
GROUP BY fiscal_quarter
ORDER BY fiscal_quarter ASC
LIMIT 10000
