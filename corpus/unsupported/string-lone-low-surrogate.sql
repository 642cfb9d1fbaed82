SELECT 'a' || '\uDE00' AS lone_low
