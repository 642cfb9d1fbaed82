SELECT x.a, t.amount
FROM main.sales.transactions t
JOIN main.sales.mystery x ON x.id = t.id
