SELECT r, sum(a) AS revenue
FROM main.sales.transactions AS t (d, c, r, ch, s, a, q, cu, p)
GROUP BY r
