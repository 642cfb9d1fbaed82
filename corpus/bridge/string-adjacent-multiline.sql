SELECT concat('prefix-',
  'part one, '
  'part two'
) AS msg
