SELECT '\U00110000' AS past_unicode
