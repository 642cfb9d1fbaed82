SELECT -128Y AS tiny_min, 127Y AS tiny_max, -32768S AS small_min, 32767S AS small_max, -9223372036854775808L AS big_min, 9223372036854775807L AS big_max, - 5L AS spaced_minus
