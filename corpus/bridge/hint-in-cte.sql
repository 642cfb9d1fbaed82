WITH small AS (
  SELECT /*+ BROADCAST(c) */ c.customer_id, c.segment
  FROM main.sales.customers c
)
SELECT /*+ MERGE(t, small) */ small.segment, count(*) AS n
FROM main.sales.transactions t
JOIN small ON small.customer_id = t.customer_id
GROUP BY small.segment
