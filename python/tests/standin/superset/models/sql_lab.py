"""superset/models/sql_lab.py: the SQL Lab Query, with the schema and
catalog picked in SQL Lab's dropdowns."""


class Query:
    def __init__(self, database, sql, catalog=None, schema=None, id=7):
        self.id = id
        self.database = database
        self.database_id = database.id
        self.sql = sql
        self.catalog = catalog
        self.schema = schema
        self.executed_sql = None
