-- ANTI JOIN USING has no ON to carry the join kind: refused.
SELECT * FROM a LEFT ANTI JOIN b USING (id)
