-- Interval types with fields in casts, and a signed interval string.
SELECT CAST('11 23:4:0' AS INTERVAL DAY TO HOUR) AS a,
       TRY_CAST(x AS INTERVAL MINUTE TO SECOND) AS b,
       y::INTERVAL YEAR TO MONTH AS c,
       INTERVAL -'20 15:40:32.99899999' DAY TO SECOND AS d,
       INTERVAL '1 2' DAY TO HOUR AS e
FROM t
