"""superset/models/helpers.py: ExploreMixin, whose get_query_str_extended
compiles a chart's query and mutates it (is_split False), and the probes
Explore runs on a dataset (`self` is the dataset).  The probe SQL is
Superset 6.1's, as sqlglot's Databricks dialect formats it."""


class ExploreMixin:
    def get_query_str_extended(self, sql, mutate=True):
        """`sql`: what compile_sqla_query() produced for the query object."""
        if mutate:
            sql = self.database.mutate_sql_based_on_config(sql)
        return sql

    def probe(self, sql):
        """The x-axis type probe, adhoc-column filter probes and expression
        validation: a query that reads nothing, mutated like any other."""
        return self.database.mutate_sql_based_on_config(sql)
