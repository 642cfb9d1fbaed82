SELECT products.category, sum(transactions.amount) AS revenue
FROM main.sales.transactions
JOIN main.sales.products ON products.product_id = transactions.product_id
GROUP BY products.category
