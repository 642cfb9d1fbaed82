SELECT transform(matrix, row -> transform(row, v -> v * 2)) AS doubled,
       filter(matrix, row -> exists(row, v -> v < 0)) AS rows_with_negatives,
       aggregate(matrix, 0, (acc, row) -> acc + aggregate(row, 0, (a, v) -> a + v)) AS grand_total
FROM matrices
