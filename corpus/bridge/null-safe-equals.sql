SELECT a.id, b.id
FROM left_side a
JOIN right_side b ON a.key <=> b.key
WHERE NOT (a.flag <=> NULL)
