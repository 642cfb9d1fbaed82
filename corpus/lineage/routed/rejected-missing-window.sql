SELECT event_type, count(*) AS n FROM main.sales.events GROUP BY event_type
