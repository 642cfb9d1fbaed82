SELECT a <=> b AND c AS p1, a <=> (b AND c) AS p2, NOT a <=> b OR c AS p3 FROM flags
