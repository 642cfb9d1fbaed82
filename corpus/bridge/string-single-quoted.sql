SELECT 'hello' AS greeting, '' AS empty, 'with spaces and symbols: %_#' AS misc
