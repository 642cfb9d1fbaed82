SELECT 1Y AS tiny, 2S AS small, 3L AS big, 1.5D AS dbl, 2.5F AS flt, 10.25BD AS bigdec, 1E3 AS sci, .5 AS half, 6. AS six
