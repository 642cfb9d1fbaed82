SELECT ch.name, t.amount
FROM main.sales.transactions t
JOIN main.sales.Channels ch ON ch.channel_id = t.channel_id
