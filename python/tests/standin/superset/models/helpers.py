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


# The probes' SQL on a dataset over sales.transactions, in the shapes
# Superset 6.1 sends (docs/superset-rules.md): each reads nothing.
PROBES = {
    # The custom-SQL x-axis: the column's type from a query that reads no row.
    "x_axis_type": "SELECT date_trunc('week', transaction_date) AS `transaction_week`\n"
                   "FROM sales.transactions\nWHERE false",
    # An adhoc-column filter, validated by running it ANDed with false.
    "adhoc_filter": "SELECT *\nFROM sales.transactions\n"
                    "WHERE (amount > 100 AND region IN ('EMEA', 'APAC')) AND false",
    # Explore's expression validation.
    "expression": "SELECT amount * quantity AS `expr`\nFROM sales.transactions\nWHERE 1 = 0",
    # A virtual dataset's columns without reading its rows.
    "virtual_columns": "SELECT `order_day` AS `order_day`\nFROM (\n"
                       "  SELECT transaction_date AS order_day, amount\n"
                       "  FROM sales.transactions\n) AS virtual_table\nWHERE FALSE",
    "limit_zero": "SELECT region, sum(amount) AS `SUM(amount)`\nFROM sales.transactions\n"
                  "GROUP BY region\nLIMIT 0",
}
