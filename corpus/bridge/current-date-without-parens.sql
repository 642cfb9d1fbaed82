SELECT current_date AS d, current_timestamp AS ts
FROM main.ref.calendar
WHERE cal_date <= current_date
