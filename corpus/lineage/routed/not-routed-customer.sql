SELECT customer_id, sum(amount) AS revenue FROM main.sales.transactions GROUP BY customer_id
