-- Named (:name) and positional (?) parameter markers.
SELECT :label AS label, region, count(*) AS n
FROM main.sales.transactions
WHERE region = :region AND amount > ? AND channel IN (:c1, :c2)
GROUP BY region
HAVING count(*) > :min_count
LIMIT :max_rows
