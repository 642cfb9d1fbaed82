SELECT map_filter(m, (k, v) -> v > 0) AS positives,
       transform_values(m, (k, v) -> v * 2) AS doubled,
       transform_keys(m, (k, v) -> upper(k)) AS upper_keys
FROM maps_table
