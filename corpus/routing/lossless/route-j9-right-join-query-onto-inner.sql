SELECT pr.category, t.channel, sum(t.amount) AS revenue
FROM main.sales.products AS pr
RIGHT JOIN main.sales.transactions AS t ON pr.product_id = t.product_id
GROUP BY pr.category, t.channel
