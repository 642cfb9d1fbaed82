SELECT coalesce(a.d, b.d) AS d, a.revenue, b.visits
FROM daily_revenue a
FULL OUTER JOIN daily_visits b ON a.d = b.d AND a.region = b.region
