SELECT cal_date AS cal_date,
       count(*) AS `count`
FROM main.ref.calendar
WHERE is_holiday IS false
  AND cal_date >= CAST('2026-01-01' AS DATE)
  AND cal_date < CAST('2027-01-01' AS DATE)
GROUP BY cal_date
ORDER BY `count` DESC
LIMIT 10000
