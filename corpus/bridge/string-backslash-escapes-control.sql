SELECT 'line1\nline2' AS nl, 'col1\tcol2' AS tab, 'C:\\temp\\file' AS path, 'back\\' AS trailing
