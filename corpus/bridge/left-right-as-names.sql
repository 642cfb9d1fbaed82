-- LEFT and RIGHT are names unless a join or a call follows.
SELECT array_sort(arr, (left, right) -> left - right) AS sorted,
       transform(arr, left -> left + 1) AS shifted,
       t.left, right, left(name, 2) AS prefix
FROM t LEFT JOIN u ON t.left = u.right
RIGHT OUTER JOIN v ON v.id = t.id
