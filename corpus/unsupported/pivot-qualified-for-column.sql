SELECT * FROM main.sales.transactions t PIVOT (sum(amount) FOR t.channel IN ('web' AS web))
