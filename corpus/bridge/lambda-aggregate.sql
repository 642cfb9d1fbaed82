SELECT aggregate(arr, 0, (acc, x) -> acc + x) AS total,
       aggregate(arr, 0, (acc, x) -> acc + x, acc -> acc * 10) AS total_times_ten,
       reduce(arr, 1, (acc, x) -> acc * x) AS product
FROM arrays_table
