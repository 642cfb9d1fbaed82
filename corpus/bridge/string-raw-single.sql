SELECT r'C:\Users\data' AS win_path, regexp_extract(page, r'^/item/(\d+)$', 1) AS item_id
FROM main.web.page_events
