"""A stand-in for the parts of Apache Superset the mutator touches, with
Superset's module paths: superset.exceptions.QueryObjectValidationError
and superset.utils.core.get_username()."""
