SELECT orders[0].lines[2].sku AS sku, attrs['dims'].width AS width, data.items[0]['name'] AS name
FROM nested_table
