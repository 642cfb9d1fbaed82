SELECT CASE
         WHEN amount IS NULL THEN 'missing'
         WHEN amount < 0 THEN 'refund'
         WHEN amount BETWEEN 0 AND 100 THEN CASE WHEN quantity > 1 THEN 'small-multi' ELSE 'small' END
         ELSE 'large'
       END AS bucket
FROM main.sales.transactions
