SELECT tags::ARRAY<STRING> AS t, properties::MAP<STRING,STRING> AS p, (amount * 2)::INT AS doubled, amount::DOUBLE::STRING AS chained
FROM main.web.page_events
