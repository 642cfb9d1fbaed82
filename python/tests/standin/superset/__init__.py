"""A stand-in for the parts of Apache Superset 6.1 the mutator touches,
with Superset's module paths and the names of the locals on the way to
the mutator: superset.exceptions.QueryObjectValidationError,
superset.utils.core.get_username(), Database.mutate_sql_based_on_config
(superset/models/core.py) and its callers: SQL Lab
(superset/sql_lab.py), chart queries (superset/models/helpers.py),
alerts (superset/commands/report/alert.py), get_df and execute."""

security_manager = None
