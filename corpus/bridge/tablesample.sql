-- TABLESAMPLE by percent, by rows and by bucket; the alias comes after the sample.
SELECT t1.id, t2.id FROM events TABLESAMPLE (50 PERCENT) AS t1 JOIN clicks TABLESAMPLE(BUCKET 4 OUT OF 10) t2 ON t1.id = t2.id
