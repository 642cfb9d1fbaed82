-- A call of an unknown function as a select item may be a UDTF: several rows, so the LIMIT cap applies.
SELECT split_events('a,b,c')
