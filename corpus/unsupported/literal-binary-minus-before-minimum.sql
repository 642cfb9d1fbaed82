SELECT delta -128Y AS shifted
FROM deltas
