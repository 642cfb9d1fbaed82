SELECT '\U0001F600' AS emoji, 'caf\U000000e9' AS cafe, '\U00000041\u0042' AS ab, '\U0001F60' AS seven_digits, '\u12' AS two_digits
