SELECT current_date() AS today, current_timestamp() AS now_ts, now() AS also_now, current_timezone() AS tz
