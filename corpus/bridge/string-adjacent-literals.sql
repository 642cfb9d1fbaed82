SELECT 'abc' 'def' AS joined, 'one' "two" 'three' AS three_parts
