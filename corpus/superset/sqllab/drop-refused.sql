DROP TABLE tmp.top_regions
