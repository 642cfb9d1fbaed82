SELECT 'a\0b' AS with_nul
