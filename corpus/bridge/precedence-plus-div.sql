SELECT a + b DIV c AS p1, (a + b) DIV c AS p2, a - b DIV c - d AS p3 FROM nums
