SELECT a.id
FROM snapshot_a a
JOIN snapshot_b b ON a.id = b.id
WHERE a.status IS DISTINCT FROM b.status OR a.owner IS NOT DISTINCT FROM NULL
