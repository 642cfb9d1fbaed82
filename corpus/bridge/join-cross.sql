SELECT c.cal_date, r.region_code
FROM main.ref.calendar c
CROSS JOIN main.ref.regions r
WHERE c.cal_date >= DATE '2026-01-01'
