-- Rows of one word (TRUE, NULL, a name) are rows, not bracketed table names.
SELECT any(col) AS some_true FROM VALUES (TRUE), (FALSE), (NULL) AS tab(col)
