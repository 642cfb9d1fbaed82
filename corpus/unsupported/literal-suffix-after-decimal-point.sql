SELECT 1.5L AS not_a_bigint
