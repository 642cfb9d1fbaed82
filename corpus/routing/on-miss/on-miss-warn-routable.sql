SELECT return_date, sum(refund) AS refunds
FROM main.sales.returns
GROUP BY return_date
