SELECT *
FROM a
LEFT JOIN (b JOIN c ON b.id = c.id) ON a.id = b.id
