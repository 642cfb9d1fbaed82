"""superset/models/core.py: the Database model, as far as the mutator's
callers go.  mutate_sql_based_on_config is Superset 6.1's logic: the
mutator runs only when is_split equals MUTATE_AFTER_SPLIT."""
from flask import current_app

import superset


class RoundTrip(AssertionError):
    """get_default_catalog()/get_default_schema() open a connection to
    the warehouse in Superset; the mutator must not call them."""


class Database:
    def __init__(self, id=1, database_name="warehouse",
                 sqlalchemy_uri="databricks://token:XXXXXXXXXX@dbc-1.cloud.databricks.com:443"
                                "?http_path=/sql/1.0/warehouses/w1&catalog=main&schema=default",
                 extra=None, backend="databricks"):
        self.id = id
        self.database_name = database_name
        self.sqlalchemy_uri = sqlalchemy_uri
        self.extra = extra
        self._backend = backend

    @property
    def backend(self):
        return self._backend

    def get_default_catalog(self):
        raise RoundTrip("get_default_catalog() called")

    def get_default_schema(self, catalog):
        raise RoundTrip("get_default_schema() called")

    def mutate_sql_based_on_config(self, sql_, is_split=False):
        config = current_app.config
        sql_mutator = config["SQL_QUERY_MUTATOR"]
        if sql_mutator and (is_split == config["MUTATE_AFTER_SPLIT"]):
            return sql_mutator(sql_, security_manager=superset.security_manager, database=self)
        return sql_

    def get_df(self, sql, catalog=None, schema=None, mutator=None):
        """Each statement mutated with is_split=True; returns what would run."""
        executed = []
        for sql_ in [s.strip() for s in sql.split(";") if s.strip()]:
            sql_ = self.mutate_sql_based_on_config(sql_, is_split=True)
            executed.append(sql_)
        return executed

    def execute(self, sql, catalog=None, schema=None):
        """Database.execute() (the MCP execute_sql tool): is_split=True."""
        return self.get_df(sql, catalog, schema)
