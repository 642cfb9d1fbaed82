"""superset/connectors/sqla/models.py: SqlaTable, a dataset: its catalog
and schema are applied on the connection its queries run on."""
from superset.models.helpers import ExploreMixin


class SqlaTable(ExploreMixin):
    def __init__(self, database, table_name, catalog=None, schema=None, sql=None):
        self.database = database
        self.database_id = database.id
        self.table_name = table_name
        self.catalog = catalog
        self.schema = schema
        self.sql = sql
