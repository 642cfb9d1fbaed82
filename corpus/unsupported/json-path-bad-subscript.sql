-- A JSON path subscript is a number, a quoted key or *.
SELECT raw:items[i] FROM raw.orders_json
