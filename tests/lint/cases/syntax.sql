SELECT 'x:y,z%' AS v FROM `t`
WHERE
