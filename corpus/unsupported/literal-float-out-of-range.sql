SELECT 3.5E38F AS too_big_for_float
