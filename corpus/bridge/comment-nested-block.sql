SELECT 1 AS a /* outer /* inner */ still outer */, 2 AS b
