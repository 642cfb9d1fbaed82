SELECT col1, col2 FROM VALUES (1, 'a'), (2, 'b')
