SELECT /*+ BROADCAST(a), MERGE(a, b) */ a.id, b.val
FROM dim_a a
JOIN fact_b b ON a.id = b.id
