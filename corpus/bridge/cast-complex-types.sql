SELECT CAST(array(1, 2, 3) AS ARRAY<BIGINT>) AS arr,
       CAST(map('a', 1) AS MAP<STRING,INT>) AS m,
       CAST(named_struct('a', 1, 'b', 'x') AS STRUCT<a: INT, b: STRING>) AS st
