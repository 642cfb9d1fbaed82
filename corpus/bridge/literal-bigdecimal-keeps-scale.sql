SELECT 1.5BD AS one_and_a_half, 0.05BD AS five_hundredths, 007.50BD AS leading_zeros, 12345678901234567890123456789012345678BD AS thirty_eight_digits, 1.5E1BD AS fifteen, -2.25bd AS negative
FROM prices
