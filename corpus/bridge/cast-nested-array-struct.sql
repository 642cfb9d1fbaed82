SELECT CAST(from_json(payload, 'array<struct<sku:string,qty:int>>') AS ARRAY<STRUCT<sku: STRING, qty: BIGINT>>) AS lines,
       CAST(NULL AS MAP<STRING, ARRAY<STRUCT<k: STRING, v: DOUBLE>>>) AS deep
FROM raw.orders_json
