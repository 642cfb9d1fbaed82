SELECT transform(arr, x -> x + 1) AS plus_one, transform(arr, (x, i) -> x * i) AS weighted
FROM arrays_table
