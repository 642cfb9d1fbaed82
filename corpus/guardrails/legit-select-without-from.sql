SELECT current_date() AS today, 1 + 1 AS two
