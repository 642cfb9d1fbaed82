SELECT '\101\102' AS ab, '\060' AS zero_char, '\200' AS not_octal, '\8' AS eight, '\7x' AS seven_x
