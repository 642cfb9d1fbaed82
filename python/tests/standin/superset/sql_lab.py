"""superset/sql_lab.py: execute_sql_statements runs the script block by
block (one statement per block on Databricks) and hands each block to
Database.mutate_sql_based_on_config(block), is_split left False.  The
local names are Superset 6.1's (`query`, `database`, `block`)."""


def execute_sql_statements(query_id, rendered_query, query):
    database = query.database
    blocks = [s.strip() for s in rendered_query.split(";") if s.strip()]
    executed = []
    for i, block in enumerate(blocks):
        query.executed_sql = database.mutate_sql_based_on_config(block)
        executed.append(query.executed_sql)
    return executed
