SELECT e.k, count(*) AS n
FROM sales.events ev LATERAL VIEW OUTER explode(ev.attributes) e AS k, v
GROUP BY e.k
