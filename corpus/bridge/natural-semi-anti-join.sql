SELECT e.id
FROM employee e
NATURAL LEFT SEMI JOIN department
NATURAL ANTI JOIN terminated_employee t
