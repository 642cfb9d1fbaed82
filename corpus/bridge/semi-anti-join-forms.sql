-- SEMI and ANTI without LEFT, a subquery on the right, a function named left in the
-- condition, and a join after it.
SELECT a.x FROM a SEMI JOIN (SELECT id, s FROM b) AS b ON a.id = b.id AND left(b.s, 2) = 'ab' ANTI JOIN c ON c.id = a.id JOIN d ON d.k = a.k WHERE a.y > 1
