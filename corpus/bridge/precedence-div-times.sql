SELECT a DIV b * c AS p1, a * b DIV c AS p2, a DIV (b * c) AS p3, -a DIV b AS p4 FROM nums
