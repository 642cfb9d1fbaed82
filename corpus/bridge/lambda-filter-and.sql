SELECT filter(arr, x -> x > 0 AND x < 10) AS small_positive, filter(names, n -> n IS NOT NULL OR length(n) = 0) AS kept
FROM arrays_table
