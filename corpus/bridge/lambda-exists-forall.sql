SELECT exists(arr, x -> x IS NULL) AS has_null, forall(arr, x -> x % 2 == 0) AS all_even
FROM arrays_table
WHERE exists(tags, t -> t = 'sale')
