SELECT /*+ BROADCAST(r) */ DISTINCT r.region_name
FROM main.sales.transactions t
JOIN main.ref.regions r ON r.region_code = t.region
