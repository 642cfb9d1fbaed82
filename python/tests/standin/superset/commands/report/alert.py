"""superset/commands/report/alert.py: an alert's query is mutated before
the split only with MUTATE_ALERT_QUERY, then run through get_df (which
mutates after the split)."""
from flask import current_app


class AlertCommand:
    def __init__(self, database, sql):
        self.database, self.sql = database, sql

    def _execute_query(self):
        limited_rendered_sql = self.sql
        if current_app.config["MUTATE_ALERT_QUERY"]:
            limited_rendered_sql = self.database.mutate_sql_based_on_config(limited_rendered_sql)
        return self.database.get_df(limited_rendered_sql)
