SELECT X'1F' AS one_byte, x'00ff10' AS three_bytes, hex(X'CAFE') AS hx, X'' AS empty_bin
