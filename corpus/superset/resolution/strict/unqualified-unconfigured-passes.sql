SELECT * FROM regions
