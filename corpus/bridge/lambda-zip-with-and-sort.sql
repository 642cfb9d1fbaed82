SELECT zip_with(a, b, (x, y) -> x + y) AS sums,
       array_sort(words, (l, r) -> CASE WHEN length(l) < length(r) THEN -1 WHEN length(l) > length(r) THEN 1 ELSE 0 END) AS by_length,
       map_zip_with(m1, m2, (k, v1, v2) -> coalesce(v1, 0) + coalesce(v2, 0)) AS merged
FROM pairs_table
