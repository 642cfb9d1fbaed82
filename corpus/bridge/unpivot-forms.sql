-- UNPIVOT: INCLUDE / EXCLUDE NULLS, several value columns, backticked aliases.
SELECT up.*
FROM main.sales.quarterly_wide
UNPIVOT INCLUDE NULLS (sales FOR quarter IN (q1 AS `Jan-Mar`, q2 AS `Apr-Jun`)) AS up,
main.sales.half_years
UNPIVOT EXCLUDE NULLS ((first_q, second_q) FOR half IN ((q1, q2) AS h1, (q3, q4) AS h2))
