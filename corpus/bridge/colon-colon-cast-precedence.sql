SELECT -amount::INT AS neg, a + b::INT AS sum_cast, arr[0]::STRING AS first_elem, s.field::DOUBLE AS f
FROM casts_table
