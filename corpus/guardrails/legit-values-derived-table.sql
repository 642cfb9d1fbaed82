SELECT v.id, v.label
FROM (VALUES (1, 'gold'), (2, 'silver')) AS v(id, label)
LIMIT 10
