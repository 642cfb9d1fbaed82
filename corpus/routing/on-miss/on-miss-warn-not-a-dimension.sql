SELECT reason, sum(refund) AS refunds
FROM main.sales.returns
GROUP BY reason
