SELECT sum(amount_usd) AS revenue_usd
FROM (SELECT o.amount * r.rate AS amount_usd, o.order_date
      FROM sales.orders o JOIN sales.fx_rates r ON o.currency = r.currency) AS virtual_table
WHERE order_date >= CAST('2026-11-01' AS DATE)
