-- stream in a select list is a column; only where a table reference starts
-- is STREAM a streaming read.
SELECT a, stream s, a IS DISTINCT FROM b, stream t FROM x
