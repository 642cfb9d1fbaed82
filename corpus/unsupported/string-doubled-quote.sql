SELECT 'O''Brien' AS name
