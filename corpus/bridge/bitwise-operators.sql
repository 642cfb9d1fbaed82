SELECT flags & 4 AS has_bit, flags | 1 AS set_bit, flags ^ 255 AS flipped, ~flags AS inverted, (flags & 3) | (flags ^ 8) AS combo, shiftleft(1, 3) AS eight
FROM feature_flags
