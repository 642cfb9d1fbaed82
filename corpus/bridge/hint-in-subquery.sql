SELECT s.region, s.total
FROM (
  SELECT /*+ SHUFFLE_HASH(t) */ t.region, sum(t.amount) AS total
  FROM main.sales.transactions t
  JOIN main.ref.regions r ON r.region_code = t.region
  GROUP BY t.region
) s
WHERE s.total > 0
