#!/usr/bin/env python3
"""Writes tests/advise/export/: a Superset dashboard export of the sales
dashboards (charts/<name>_<id>.yaml with each chart's slice_name) and,
beside it, each chart's SQL as the chart data API answers it
(chart_data/<name>_<id>.json, {"result": [{"query": ...}]}), the input of
`sluice advise` in tests/advise/run.sh.

The SQL is written the way Superset's Databricks engine writes it: time
series grouped by date_trunc of the partition column at several grains
with the time range on the raw column, big numbers, tables with AVG,
pivot tables with totals (GROUPING SETS, ROLLUP, CUBE), filters on
status and channel, a join to the products dimension, and the series
limit subquery.  Columns are those tests/routing/prove.py loads, so the
closed loop can run every query on PostgreSQL.  Several charts of
different dashboards share their SQL (the same query weighs more).

Run it again after changing the list; the output is deterministic.
"""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "export")

F = "main.sales.transactions"
YTD = ("transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND "
       "transaction_date < TIMESTAMP '2026-11-01 00:00:00'")
LAST30 = "transaction_date >= current_date() - INTERVAL 30 DAYS"


def ts(grain, select, where, group=None, order="1", limit=10000):
    key = "date_trunc('%s', transaction_date)" % grain
    group = group or []
    cols = ", ".join(["%s AS __timestamp" % key] + group + select)
    keys = ", ".join([key] + group)
    return ("SELECT %s\nFROM %s\nWHERE %s\nGROUP BY %s\nORDER BY %s\nLIMIT %d"
            % (cols, F, where, keys, order, limit))


def agg(select, where, group=None, order=None, limit=10000, grouping=None):
    group = group or []
    sql = "SELECT %s\nFROM %s\nWHERE %s" % (", ".join(group + select), F, where)
    if grouping:
        sql += "\nGROUP BY " + grouping
    elif group:
        sql += "\nGROUP BY " + ", ".join(group)
    if order:
        sql += "\nORDER BY " + order
    return sql + "\nLIMIT %d" % limit


REV = "sum(amount) AS `SUM(amount)`"
CNT = "count(*) AS count"
AVG = "avg(amount) AS `AVG(amount)`"

CHARTS = [
    # Time series at several grains.
    ("Daily revenue", "echarts_timeseries_line", ts("day", [REV], LAST30)),
    ("Weekly revenue", "echarts_timeseries_line",
     ts("week", [REV], "transaction_date >= TIMESTAMP '2026-01-05 00:00:00' AND "
        "transaction_date < TIMESTAMP '2026-11-02 00:00:00'")),
    ("Monthly revenue", "echarts_timeseries_bar", ts("month", [REV], YTD)),
    ("Quarterly revenue", "echarts_timeseries_bar",
     ts("quarter", [REV], "transaction_date >= TIMESTAMP '2025-10-01 00:00:00' AND "
        "transaction_date < TIMESTAMP '2026-10-01 00:00:00'")),
    ("Orders per year", "echarts_timeseries_bar",
     ts("year", [CNT], "transaction_date >= TIMESTAMP '2025-01-01 00:00:00' AND "
        "transaction_date < TIMESTAMP '2027-01-01 00:00:00'")),
    ("Monthly revenue by region", "echarts_timeseries_line",
     ts("month", [REV], YTD, ["region"], "1, 2")),
    ("Monthly revenue by channel", "echarts_area", ts("month", [REV], YTD, ["channel"], "1, 2")),
    ("Daily orders by channel", "echarts_timeseries_line",
     ts("day", [CNT], "transaction_date >= current_date() - INTERVAL 90 DAYS", ["channel"],
        "1, 2")),
    ("Weekly revenue by status", "echarts_timeseries_bar",
     ts("week", [REV], "transaction_date >= TIMESTAMP '2026-06-01 00:00:00' AND "
        "transaction_date < TIMESTAMP '2026-11-02 00:00:00'", ["status"], "1, 2")),
    ("Monthly paid revenue", "echarts_timeseries_line",
     ts("month", [REV], YTD + " AND status = 'paid'")),
    ("Monthly web orders", "echarts_timeseries_line",
     ts("month", [CNT], YTD + " AND channel = 'web'")),
    ("Hourly orders today", "echarts_timeseries_line",
     "SELECT date_trunc('hour', transaction_ts) AS __timestamp, count(*) AS count\n"
     "FROM %s\nWHERE transaction_date = DATE '2026-11-23'\n"
     "GROUP BY date_trunc('hour', transaction_ts)\nORDER BY 1\nLIMIT 10000" % F),
    ("Quarterly revenue by channel", "echarts_timeseries_bar",
     ts("quarter", [REV], "transaction_date >= TIMESTAMP '2025-10-01 00:00:00' AND "
        "transaction_date < TIMESTAMP '2026-10-01 00:00:00'", ["channel"], "1, 2")),
    ("Daily revenue by region", "echarts_timeseries_line",
     ts("day", [REV], LAST30, ["region"], "1, 2")),
    ("Weekly average order value", "echarts_timeseries_line",
     ts("week", [AVG], "transaction_date >= TIMESTAMP '2026-06-01 00:00:00' AND "
        "transaction_date < TIMESTAMP '2026-11-02 00:00:00'")),
    ("Monthly active regions", "echarts_timeseries_line",
     ts("month", ["count(DISTINCT region) AS `COUNT_DISTINCT(region)`"], YTD)),
    # Big numbers.
    ("Revenue this year", "big_number_total", agg([REV], YTD)),
    ("Orders this month", "big_number_total",
     agg([CNT], "transaction_date >= TIMESTAMP '2026-11-01 00:00:00' AND "
         "transaction_date < TIMESTAMP '2026-12-01 00:00:00'")),
    ("Refunds this year", "big_number_total", agg([REV], YTD + " AND status = 'refunded'")),
    ("Web revenue, last 7 days", "big_number_total",
     agg([REV], "transaction_date >= current_date() - INTERVAL 7 DAYS AND channel = 'web'")),
    ("Average order value", "big_number_total", agg([AVG], YTD)),
    ("Customers this year", "big_number_total",
     agg(["count(DISTINCT customer_id) AS `COUNT_DISTINCT(customer_id)`"], YTD)),
    ("Revenue trend", "big_number", ts("day", [REV], LAST30)),
    # Tables.
    ("Revenue by region", "table",
     agg([REV, CNT], YTD, ["region"], "`SUM(amount)` DESC", 1000)),
    ("Order value by channel", "table", agg([AVG, CNT], YTD, ["channel"], "count DESC", 1000)),
    ("Revenue by region and channel", "table",
     agg([REV], YTD, ["region", "channel"], "`SUM(amount)` DESC", 1000)),
    ("Status breakdown", "table", agg([CNT, REV], YTD, ["status"], "count DESC", 1000)),
    ("Top customers", "table",
     agg([REV], YTD, ["customer_id"], "`SUM(amount)` DESC", 100)),
    ("Order value by status and region", "table",
     agg([AVG], YTD, ["status", "region"], "`AVG(amount)` DESC", 1000)),
    ("Order size range by region", "table",
     agg(["min(amount) AS `MIN(amount)`", "max(amount) AS `MAX(amount)`"], YTD, ["region"],
         "region", 1000)),
    ("Paid revenue by region", "table",
     agg([REV], YTD + " AND status = 'paid'", ["region"], "`SUM(amount)` DESC", 1000)),
    ("App orders by month", "table",
     ts("month", [CNT], YTD + " AND channel = 'app'")),
    ("Web and app revenue by status", "table",
     agg([REV], YTD + " AND channel IN ('web', 'app')", ["status"], "`SUM(amount)` DESC", 1000)),
    ("Paid web revenue by region and channel", "table",
     agg([REV], YTD + " AND status = 'paid'", ["region", "channel"], "`SUM(amount)` DESC",
         1000)),
    # Pivot tables with totals.
    ("Revenue pivot: region by channel", "pivot_table_v2",
     agg([REV], YTD, ["region", "channel"], None, 10000,
         "GROUPING SETS ((region, channel), (region), ())")),
    ("Orders pivot: month by status", "pivot_table_v2",
     "SELECT date_trunc('month', transaction_date) AS __timestamp, status, count(*) AS count\n"
     "FROM %s\nWHERE %s\nGROUP BY ROLLUP (date_trunc('month', transaction_date), status)\n"
     "LIMIT 10000" % (F, YTD)),
    ("Revenue pivot: channel by status", "pivot_table_v2",
     agg([REV], YTD, ["channel", "status"], None, 10000, "CUBE (channel, status)")),
    # A join to the products dimension.
    ("Revenue by product category", "table",
     "SELECT p.category, sum(t.amount) AS `SUM(amount)`\n"
     "FROM %s AS t\nJOIN main.sales.products AS p ON t.product_id = p.product_id\n"
     "WHERE t.transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND "
     "t.transaction_date < TIMESTAMP '2026-11-01 00:00:00'\n"
     "GROUP BY p.category\nORDER BY 2 DESC\nLIMIT 1000" % F),
    ("Monthly orders by category", "echarts_timeseries_bar",
     "SELECT date_trunc('month', t.transaction_date) AS __timestamp, p.category, "
     "count(*) AS count\n"
     "FROM %s AS t\nJOIN main.sales.products AS p ON t.product_id = p.product_id\n"
     "WHERE t.transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND "
     "t.transaction_date < TIMESTAMP '2026-11-01 00:00:00'\n"
     "GROUP BY date_trunc('month', t.transaction_date), p.category\nORDER BY 1, 2\n"
     "LIMIT 10000" % F),
    # The series limit: the inner block ranks the regions.
    ("Top 3 regions, monthly revenue", "echarts_timeseries_line",
     "SELECT date_trunc('month', transaction_date) AS __timestamp, region, "
     "sum(amount) AS `SUM(amount)`\n"
     "FROM %s\nJOIN (SELECT region AS region__, sum(amount) AS mme_inner__\n"
     "      FROM %s\n      WHERE %s\n      GROUP BY region\n"
     "      ORDER BY mme_inner__ DESC\n      LIMIT 3) AS series_limit "
     "ON region = region__\nWHERE %s\n"
     "GROUP BY date_trunc('month', transaction_date), region\nORDER BY 1, 2\nLIMIT 10000"
     % (F, F, YTD, YTD)),
    ("Large orders by month", "echarts_timeseries_bar",
     ts("month", [CNT], YTD + " AND amount > 100")),
]

# The same charts on other dashboards: the same SQL again.
COPIES = [
    ("Daily revenue (operations)", "Daily revenue"),
    ("Daily revenue (executive)", "Daily revenue"),
    ("Monthly revenue (executive)", "Monthly revenue"),
    ("Monthly revenue by region (regional)", "Monthly revenue by region"),
    ("Revenue this year (executive)", "Revenue this year"),
    ("Revenue by region (regional)", "Revenue by region"),
]


def file_stem(name, i):
    keep = "".join(c if c.isalnum() else "_" for c in name)
    while "__" in keep:
        keep = keep.replace("__", "_")
    return "%s_%d" % (keep.strip("_"), i)


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(os.path.join(OUT, "charts"))
    os.makedirs(os.path.join(OUT, "chart_data"))
    sql_of = {name: sql for name, _, sql in CHARTS}
    viz_of = {name: viz for name, viz, _ in CHARTS}
    charts = list(CHARTS) + [(copy, viz_of[orig], sql_of[orig]) for copy, orig in COPIES]
    for i, (name, viz, sql) in enumerate(charts, start=1):
        stem = file_stem(name, i)
        with open(os.path.join(OUT, "charts", stem + ".yaml"), "w") as f:
            f.write("slice_name: %s\nviz_type: %s\nparams:\n  datasource: 1__table\n"
                    "  viz_type: %s\ncache_timeout: null\nuuid: 00000000-0000-0000-0000-%012d\n"
                    "version: 1.0.0\ndataset_uuid: 00000000-0000-0000-0000-000000000001\n"
                    % (json.dumps(name), viz, viz, i))
        with open(os.path.join(OUT, "chart_data", stem + ".json"), "w") as f:
            json.dump({"result": [{"query": sql, "language": "sql"}]}, f, indent=2)
            f.write("\n")
    with open(os.path.join(OUT, "metadata.yaml"), "w") as f:
        f.write("version: 1.0.0\ntype: Dashboard\ntimestamp: '2026-11-30T12:00:00+00:00'\n")
    print("%d charts" % len(charts))


if __name__ == "__main__":
    main()
