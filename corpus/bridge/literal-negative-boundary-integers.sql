SELECT -2147483648 AS int_min, -(2147483648) AS negated_bigint, 2147483648 AS bigint_value, -(9223372036854775808) AS negated_decimal, -9223372036854775808 AS bigint_min, -5::INT AS cast_of_negative, -x::INT AS negated_cast
FROM t
