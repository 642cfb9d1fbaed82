#!/usr/bin/env python3
"""Aggregate routing, proven on a real database.

usage: prove.py SLUICE CORPUS_DIR... [--generated N] [--seed S]

Starts a throwaway PostgreSQL (Debian's package; an unprivileged user,
a Unix socket in a temporary directory, no network port), fills the fact
table main.sales.transactions with data that has the traps in it (NULL
measures and dimensions, days without rows, timestamps at all hours,
several statuses and channels), builds every aggregate of each
CORPUS_DIR's rules.json from its own query (printed for PostgreSQL by
`sluice fmt --target postgres`) -- an aggregate with fresh_through from
the rows up to that day only, as a table whose refresh is behind holds
them -- then runs every .sql case of each CORPUS_DIR under its rules,
and N generated Superset-shaped queries under the first one's (N/2 under
each other's), twice: as written and as sluice routes them.  Both must
return the same column names and the same multiset of rows.  The server
is stopped at the end, whatever happens.

The generated queries hold what makes routing answer wrongly when sluice
misreads them: date and time bounds to the microsecond around the day
after fresh_through (literals, casts, bare strings, the T separator,
constant first), CTE and derived-table alias lists that rename columns
by position (the bound lands on another column than its name says),
GROUP BY ALL with constant items, and every aggregate function
PostgreSQL can run.  Under a folder named "buckets" they are instead
raw-column time ranges grouped by a truncation (condition 9): bounds on
and just off the boundaries of every grain, on a DATE and a TIMESTAMP
column, as DATE, CAST, bare string, TIMESTAMP with and without a time,
relative to the clock, BETWEEN, <=, >, constant first, = and IN.  Under
a folder named "normal" they are the same expressions spelled as Spark
reads them alike (units in any case and their synonyms, trunc, count(1),
commuted operands, IN of one value, interval spellings) and spellings
that differ; under one named "utc" raw-column ranges as under "buckets".
A folder without rules.json takes its parent's, and a corpus.json with
"time_zone" (its own or a parent's) is the request context of its
queries, as `sluice corpus` reads them.

Under a folder named "joins" they are join-back queries (aggregate_joins.c):
the fact joined to main.sales.stores, whose key is unique but which
lacks keys 11 and 12 of the fact and lists stores 13 and 14 that have
no fact rows, while the fact holds NULL keys; inner, left and right
joins on either side, conditions in ON and WHERE on both tables, groups
on attributes; and joins to main.sales.store_owners (a key that repeats)
and main.sales.store_cities (unique only with the city), which must be
refused.

Under "joinaggs" the same join queries, and queries of the fact alone,
run against aggregates whose own query joins the fact to main.sales.stores
(inner, left, and left with a condition in ON).

Under "lossless" queries of the fact alone and joins against aggregates
over inner joins that are lossless or not (aggregate_joins.c J9):
main.sales.products lists every product_id of the fact (a total
reference), main.sales.customers lacks customers 51-60 (not total),
main.sales.region_names lists every region but the fact's region may be
NULL.

Under "example" (corpus/routing/example, whose rules.json is the shipped
rules/example.json) queries of the fact alone and of its joins to
main.sales.products: the example's aggregate over that inner join must
answer the inner joins only, its aggregate of the sales alone the
queries of the fact alone.

Under a folder named "derived" they are answers derived from stored
groups: SELECT DISTINCT over dimensions, fields of the time (hour,
dayofweek (1 = Sunday), weekday (0 = Monday), weekofyear, month, ...)
read from truncations at every grain, COUNT(DISTINCT) at, above and
beside the stored grain, and GROUP BY a constant beside a global
aggregate (conditions 15-17).

Under a folder named "stale" they are queries past fresh_through of
aggregates with "stale": "union" (aggregate_union.c): time ranges that
start before fresh_through and end after it (or never), at day and month
grain on the DATE column and at hour and day grain on the TIMESTAMP
column, scalar and grouped, filters that leave one branch of the union or
both empty, AVG, MIN / MAX, COUNT(DISTINCT), HAVING, LIMIT; and ranges
the union must refuse (no time bound, NULL dates ORed in, only days after
fresh_through).  There the fact also holds rows without a date, and an
aggregate with fresh_through holds, besides its days up to it, half the
rows of every later day and of the undated ones: a table whose refresh
stopped half-way, whose rows past fresh_through must never be read.  For
each routed union the rows of the fact on each side of the split are
counted, so that the run says how many unions had an empty branch.

Prints how many queries ran, how many were routed, and a closing line
"routing-proof: N passed, M failed".  Exits 1 on any difference.
"""
import glob
import json
import os
import pwd
import random
import re
import shutil
import subprocess
import sys
import tempfile

NOW = "2026-11-24 12:00:00"


def pg_bin(name):
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/" + name))
    if not found:
        sys.exit("prove.py: PostgreSQL is not installed (%s not found)" % name)
    return found[-1]


class Server:
    """A PostgreSQL cluster in a temporary directory, reached through a
    Unix socket only.  As root it runs as the 'postgres' user."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="sluice-pg-")
        self.data = os.path.join(self.dir, "data")
        self.user = None
        if os.getuid() == 0:
            self.user = "postgres"
            pw = pwd.getpwnam(self.user)
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        os.chmod(self.dir, 0o755)
        self.started = False

    def _run(self, argv, **kw):
        if self.user:
            argv = ["runuser", "-u", self.user, "--"] + argv
        return subprocess.run(argv, check=True, **kw)

    def start(self):
        self._run([pg_bin("initdb"), "-D", self.data, "-A", "trust", "-U", "sluice",
                   "--no-sync", "-E", "UTF8", "--locale", "C"],
                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        opts = "-k %s -c listen_addresses='' -c fsync=off -c full_page_writes=off " \
               "-c TimeZone=UTC" % self.dir
        self._run([pg_bin("pg_ctl"), "-D", self.data, "-o", opts, "-w", "-l",
                   os.path.join(self.dir, "log"), "start"], stdout=subprocess.DEVNULL)
        self.started = True
        self.psql("postgres", "CREATE DATABASE main")

    def stop(self):
        if self.started:
            self._run([pg_bin("pg_ctl"), "-D", self.data, "-m", "immediate", "stop"],
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.started = False
        shutil.rmtree(self.dir, ignore_errors=True)

    def psql(self, db, script, stdin=None):
        """Run a script; returns its unaligned, tab-separated output."""
        argv = [pg_bin("psql"), "-h", self.dir, "-U", "sluice", "-d", db, "-X", "-q", "-A",
                "-F", "\t", "-P", "footer=off", "-v", "ON_ERROR_STOP=1", "-c", script]
        r = subprocess.run(argv, input=stdin, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(r.stderr.strip())
        return r.stdout

    def script(self, db, text):
        """Run a whole script from a file; returns its output."""
        path = os.path.join(self.dir, "script.sql")
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o644)
        argv = [pg_bin("psql"), "-h", self.dir, "-U", "sluice", "-d", db, "-X", "-q", "-A",
                "-F", "\t", "-P", "footer=off", "-f", path]
        r = subprocess.run(argv, capture_output=True, text=True)
        return r.stdout, r.stderr


# ---------------------------------------------------------------------------
# Data

def fact_rows(seed):
    rnd = random.Random(seed)
    regions = ["north", "south", "east", "west", None]
    channels = ["web", "store", "app"]
    statuses = ["paid", "refunded", "pending"]
    rows = []
    # The store key comes from a random stream of its own, so that the
    # other columns are what they were before it was added: NULL keys and
    # keys 11 and 12, which main.sales.stores does not list.
    stores = random.Random(seed * 7919 + 1)
    measure_rnd = random.Random(seed * 104729 + 3)      # the same for AVG's measures
    import datetime
    start = datetime.date(2025, 8, 1)
    for d in range(0, 480):
        day = start + datetime.timedelta(days=d)
        if rnd.random() < 0.08:
            continue                                    # days without rows
        for _ in range(rnd.randint(1, 9)):
            ts = datetime.datetime(day.year, day.month, day.day, rnd.randint(0, 23),
                                   rnd.randint(0, 59), rnd.randint(0, 59))
            amount = None if rnd.random() < 0.06 else "%.2f" % (rnd.randint(-500, 50000) / 100)
            region = rnd.choice(regions) if rnd.random() < 0.97 else None
            rows.append([day.isoformat(), ts.isoformat(sep=" "), region or "\\N",
                         rnd.choice(channels), rnd.choice(statuses), amount or "\\N",
                         str(rnd.randint(1, 60)), str(rnd.randint(1, 25)),
                         "\\N" if stores.random() < 0.06 else str(stores.randint(1, 12))]
                        + measures(measure_rnd))
    return rows


def measures(rnd):
    """The measures AVG is proven on: an integer, a double and two
    decimals, each NULL now and then.  The doubles are multiples of 1/4,
    so that every sum of them is exact and the order in which a database
    adds them cannot change a result."""
    null = lambda: rnd.random() < 0.07
    quantity = "\\N" if null() else str(rnd.randint(-3, 40))
    weight = "\\N" if null() else str(rnd.randint(-20, 4000) / 4)
    price = "\\N" if null() else "%.3f" % (rnd.randint(-5000, 9999999) / 1000)
    tax = "\\N" if null() else "%.4f" % (rnd.randint(0, 10 ** 9) / 10000)
    return [quantity, weight, price, tax]


def load_data(server, seed):
    server.psql("main", """
        CREATE SCHEMA sales;
        CREATE TABLE sales.transactions (
            transaction_date date, transaction_ts timestamp, region text, channel text,
            status text, amount numeric(12,2), customer_id integer, product_id integer,
            store_id integer, quantity integer, weight double precision, price numeric(7,3),
            tax numeric(20,4));
        CREATE TABLE sales.products (product_id integer, category text, price numeric(10,2));
        INSERT INTO sales.products
            SELECT i, (ARRAY['north', 'toys', 'east', NULL])[1 + i % 4], i * 1.5
            FROM generate_series(1, 25) AS i;
        CREATE TABLE sales.regions (region text);
        INSERT INTO sales.regions VALUES ('north'), ('west');
        CREATE TABLE sales.stores (store_id integer, store_name text, city text, size text);
        INSERT INTO sales.stores VALUES (1, 'S1', 'Paris', 'large'), (2, 'S2', 'Paris', 'small'),
            (3, 'S3', 'Lyon', 'large'), (4, 'S4', 'Lyon', NULL), (5, 'S5', NULL, 'small'),
            (6, 'S6', 'Nice', 'large'), (7, 'S7', 'Nice', 'small'), (8, 'S8', 'Lille', 'medium'),
            (9, 'S9', NULL, NULL), (10, 'S10', 'Paris', 'medium'),
            (13, 'S13', 'Geneva', 'large'), (14, 'S14', NULL, 'small');
        CREATE TABLE sales.store_owners (store_id integer, owner text);
        INSERT INTO sales.store_owners VALUES (1, 'ann'), (1, 'bob'), (2, 'cid'), (3, 'dan'),
            (3, 'eve'), (3, 'fay'), (5, 'gus'), (6, 'hal'), (7, 'ivy'), (8, 'jon'), (10, 'kim'),
            (10, 'lea'), (13, 'max'), (NULL, 'ned');
        CREATE TABLE sales.customers (customer_id integer, segment text);
        INSERT INTO sales.customers
            SELECT i, (ARRAY['retail', 'business', NULL])[1 + i % 3]
            FROM generate_series(1, 50) AS i;
        CREATE TABLE sales.region_names (region text, zone text);
        INSERT INTO sales.region_names VALUES ('north', 'A'), ('south', 'B'), ('east', 'A'),
            ('west', NULL);
        CREATE TABLE sales.store_cities (store_id integer, city text, country text);
        INSERT INTO sales.store_cities VALUES (1, 'Paris', 'FR'), (1, 'Lyon', 'FR'),
            (2, 'Paris', 'FR'), (3, 'Lyon', 'FR'), (4, 'Lyon', 'FR'), (6, 'Nice', 'FR'),
            (7, 'Nice', 'FR'), (7, 'Geneva', 'CH'), (8, 'Lille', 'FR'), (10, 'Paris', 'FR'),
            (11, 'Basel', 'CH'), (12, NULL, NULL);
        ALTER DATABASE main SET search_path = sales, spark, pg_catalog, public;""")
    server.psql("main", SPARK_FUNCTIONS)
    server.psql("main", SPARK_AGGREGATES)
    data = "\n".join("\t".join(r) for r in fact_rows(seed)) + "\n"
    server.psql("main", "COPY sales.transactions FROM STDIN", stdin=data)
    return int(server.psql("main", "SELECT count(*) FROM sales.transactions").split("\n")[1])


# Spark's date functions as Spark reads them, ahead of PostgreSQL's own
# (pg_catalog comes after the schema spark on the search path): the units
# of date_trunc and trunc in any case with Spark's synonyms
# (DateTimeUtils.parseTruncLevel), trunc(date, unit) as TruncDate (NULL
# below a week), and the field extractions of the generated queries.
SPARK_FUNCTIONS = """
    CREATE SCHEMA spark;
    CREATE FUNCTION spark.spark_unit(u text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
        SELECT CASE upper(u) WHEN 'MM' THEN 'month' WHEN 'MON' THEN 'month'
                             WHEN 'DD' THEN 'day' WHEN 'YY' THEN 'year'
                             WHEN 'YYYY' THEN 'year' ELSE lower(u) END $$;
    CREATE FUNCTION spark.date_trunc(u text, t timestamp) RETURNS timestamp
        IMMUTABLE LANGUAGE sql AS $$ SELECT pg_catalog.date_trunc(spark.spark_unit(u), t) $$;
    CREATE FUNCTION spark.date_trunc(u text, d date) RETURNS timestamp
        IMMUTABLE LANGUAGE sql AS $$
        SELECT pg_catalog.date_trunc(spark.spark_unit(u), d::timestamp) $$;
    CREATE FUNCTION spark.trunc(d date, u text) RETURNS date IMMUTABLE LANGUAGE sql AS $$
        SELECT CASE WHEN spark.spark_unit(u) IN ('week', 'month', 'quarter', 'year')
                    THEN pg_catalog.date_trunc(spark.spark_unit(u), d::timestamp)::date END $$;
    CREATE FUNCTION spark.trunc(t timestamp, u text) RETURNS date IMMUTABLE LANGUAGE sql AS $$
        SELECT spark.trunc(t::date, u) $$;
    CREATE FUNCTION spark.year(t timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
        SELECT extract(year FROM t)::integer $$;
    CREATE FUNCTION spark.quarter(t timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
        SELECT extract(quarter FROM t)::integer $$;
    CREATE FUNCTION spark.month(t timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
        SELECT extract(month FROM t)::integer $$;
    CREATE FUNCTION spark.dayofweek(t timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
        SELECT extract(dow FROM t)::integer + 1 $$;
    CREATE FUNCTION spark.hour(t timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
        SELECT extract(hour FROM t)::integer $$;
    CREATE FUNCTION spark.weekday(t timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
        SELECT extract(isodow FROM t)::integer - 1 $$;
    CREATE FUNCTION spark.dayofmonth(t timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
        SELECT extract(day FROM t)::integer $$;
    CREATE FUNCTION spark.day(t timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
        SELECT extract(day FROM t)::integer $$;
    CREATE FUNCTION spark.dayofyear(t timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
        SELECT extract(doy FROM t)::integer $$;
    CREATE FUNCTION spark.weekofyear(t timestamp) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
        SELECT extract(week FROM t)::integer $$;
    CREATE FUNCTION spark.to_date(t timestamp) RETURNS date IMMUTABLE LANGUAGE sql AS $$
        SELECT t::date $$;
    CREATE FUNCTION spark.date(t timestamp) RETURNS date IMMUTABLE LANGUAGE sql AS $$
        SELECT t::date $$;
"""


# Spark's aggregates as PostgreSQL functions in the same schema spark,
# found before pg_catalog's (search_path above), so that a query means on PostgreSQL what it means
# on Spark.  avg / mean are Spark's Average (aggregate/Average.scala): of
# an integer, the values summed as double precision over the count, a
# double (PostgreSQL's avg(integer) is numeric); of a decimal with scale
# s, the quotient rounded half up (away from zero) to scale s + 4,
# computed exactly here: Average's DECIMAL(p + 4, s + 4) result.
# count_if is Spark's CountIf.  grouping_id(a, b) is PostgreSQL's
# GROUPING(a, b), written by to_postgres (the same bits: the first
# argument is the highest).
SPARK_AGGREGATES = """
    CREATE FUNCTION spark.int_avg(s float8[]) RETURNS float8
        LANGUAGE sql IMMUTABLE AS 'SELECT CASE WHEN s[2] = 0 THEN NULL ELSE s[1] / s[2] END';
    CREATE FUNCTION spark.dec_acc(s numeric[], x numeric) RETURNS numeric[]
        LANGUAGE sql IMMUTABLE STRICT AS 'SELECT ARRAY[s[1] + x, s[2] + 1, greatest(s[3], scale(x))]';
    CREATE FUNCTION spark.dec_avg(s numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN s[2] = 0 THEN NULL ELSE
            round(sign(s[1]) * div(abs(s[1]) * 2 * 10 ^ (s[3] + 4) + s[2], 2 * s[2])
                  / 10 ^ (s[3] + 4), (s[3] + 4)::int) END $$;
    CREATE FUNCTION spark.if_acc(n bigint, x boolean) RETURNS bigint
        LANGUAGE sql IMMUTABLE AS 'SELECT n + CASE WHEN x THEN 1 ELSE 0 END';
"""
for _name in ("avg", "mean"):
    for _type in ("smallint", "integer", "bigint"):
        if _name == "avg":
            SPARK_AGGREGATES += ("CREATE FUNCTION spark.int_acc(s float8[], x %s) RETURNS float8[] "
                                "LANGUAGE sql IMMUTABLE STRICT AS "
                                "'SELECT ARRAY[s[1] + x::float8, s[2] + 1]';\n" % _type)
        SPARK_AGGREGATES += ("CREATE AGGREGATE spark.%s(%s) (sfunc = spark.int_acc, "
                            "stype = float8[], initcond = '{0,0}', finalfunc = spark.int_avg);\n"
                            % (_name, _type))
    SPARK_AGGREGATES += ("CREATE AGGREGATE spark.%s(numeric) (sfunc = spark.dec_acc, "
                        "stype = numeric[], initcond = '{0,0,0}', finalfunc = spark.dec_avg);\n"
                        "CREATE AGGREGATE spark.%s(float8) (sfunc = float8_accum, "
                        "stype = float8[], initcond = '{0,0,0}', finalfunc = float8_avg);\n"
                        % (_name, _name))
SPARK_AGGREGATES += ("CREATE AGGREGATE spark.count_if(boolean) (sfunc = spark.if_acc, "
                    "stype = bigint, initcond = '0');\n")


# ---------------------------------------------------------------------------
# sluice

def sluice(binary, args, text):
    r = subprocess.run([binary] + args + ["-"], input=text, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


BIND_LINE = re.compile(r"^--\s*bind\s+:(\w+)\s*=\s*(.+?)\s*$", re.M)


def bind_parameters(case_sql, sql):
    """A case with parameter markers names their values in comment lines
    "-- bind :name = 'literal'"; both queries run with those values."""
    for name, value in BIND_LINE.findall(case_sql):
        sql = re.sub(r"(?<![\w:]):%s\b" % re.escape(name), lambda m: value, sql)
    return sql


def to_postgres(binary, sql, offset_hours=0):
    rc, out, err = sluice(binary, ["fmt", "--target", "postgres"], sql)
    if rc != 0:
        raise RuntimeError("sluice fmt --target postgres failed: " + err.strip())
    # Spark's grouping_id(a, b) is PostgreSQL's GROUPING(a, b): the same
    # bits, the first argument the highest (GroupingID; PostgreSQL's
    # GROUPING with several arguments).
    out = re.sub(r"\bgrouping_id\(", "GROUPING(", out, flags=re.I)
    return session_wall_clock(pin_clock(out.strip().rstrip(";"), offset_hours), offset_hours)


def pin_clock(sql, offset_hours=0):
    """PostgreSQL's clock set to NOW, the clock sluice routes by: a bound
    relative to it (current_date() - INTERVAL 23 DAYS) is routed as the
    boundary it is at NOW, on the wall clock offset_hours east of UTC."""
    import datetime
    now = (datetime.datetime.strptime(NOW, "%Y-%m-%d %H:%M:%S") +
           datetime.timedelta(hours=offset_hours)).strftime("%Y-%m-%d %H:%M:%S")
    day = now.split(" ")[0]
    sql = re.sub(r"\bCURRENT_DATE\b(\(\))?", "DATE '%s'" % day, sql, flags=re.I)
    return re.sub(r"\b(CURRENT_TIMESTAMP|LOCALTIMESTAMP|now\(\))(\(\))?",
                  "TIMESTAMP '%s'" % now, sql, flags=re.I)


def session_wall_clock(sql, offset_hours):
    """Under a folder named "ltz" transaction_ts is a TIMESTAMP
    (TIMESTAMP_LTZ) read in a session offset_hours east of UTC: on that
    session's wall clock (date_trunc, comparisons with literals and with
    DATE midnights) it is the stored UTC wall clock moved by the offset, so
    both queries and the aggregates read it that way."""
    if not offset_hours:
        return sql
    return re.sub(r"\btransaction_ts\b", "(transaction_ts + INTERVAL '%d hours')" % offset_hours,
                  sql)


def zone_hours(zone):
    """The offset of a fixed "+hh:00" zone in hours (0 for UTC)."""
    m = re.match(r"^([+-])(\d\d):00$", zone or "")
    if m:
        return int(m.group(2)) * (1 if m.group(1) == "+" else -1)
    if zone in (None, "UTC", "Etc/UTC"):
        return 0
    raise RuntimeError("the proof reads fixed +hh:00 zones only, not %s" % zone)


SOURCE = "FROM main.sales.transactions"


def rules_of(d):
    """The rules.json that applies to folder d: its own or the nearest
    parent's (as `sluice corpus` reads them)."""
    d = os.path.abspath(d)
    while not os.path.exists(os.path.join(d, "rules.json")) and os.path.dirname(d) != d:
        d = os.path.dirname(d)
    return os.path.join(d, "rules.json")


def context_of(d):
    """The request context of folder d's cases: the time_zone of the
    nearest corpus.json that gives one (as `sluice corpus` reads it)."""
    d = os.path.abspath(d)
    while True:
        path = os.path.join(d, "corpus.json")
        if os.path.exists(path) and "time_zone" in json.load(open(path)):
            return ["--context", json.dumps({"time_zone": json.load(open(path))["time_zone"]})]
        if os.path.dirname(d) == d:
            return []
        d = os.path.dirname(d)


def build_aggregates(server, binary, rules_path, half_refreshed=False, ltz=False):
    rules = json.load(open(rules_path))
    for a in rules.get("aggregates", []):
        query = to_postgres(binary, a["query"])
        if "fresh_through" in a:
            # Stale: the table holds the days up to fresh_through only;
            # half-refreshed (the "stale" folder), also half the rows of
            # each later day and of the undated rows, which a union must
            # never read from it.
            if query.count(SOURCE) != 1:
                raise RuntimeError("cannot make %s stale: %s" % (a["table"], query))
            tail = (" OR ((transaction_date > DATE '%s' OR transaction_date IS NULL) "
                    "AND customer_id %% 2 = 0)" % a["fresh_through"]) if half_refreshed else ""
            query = query.replace(SOURCE, "FROM (SELECT * FROM main.sales.transactions "
                                  "WHERE transaction_date <= DATE '%s'%s) AS transactions"
                                  % (a["fresh_through"], tail))
        zone = a.get("time_zone", "UTC")
        if ltz:
            # The aggregate cut on its zone's wall clock (the "ltz" folder).
            query = session_wall_clock(query, zone_hours(zone))
        elif zone not in ("UTC", "Etc/UTC"):
            # Built in another session time zone: transaction_ts (a UTC
            # wall clock here) is read as the instant it is and truncated
            # in that zone, as Spark's date_trunc of a TIMESTAMP is.  The
            # queries run in UTC, so a route onto it across zones differs.
            query = re.sub(r"\btransaction_ts\b", "(transaction_ts AT TIME ZONE 'UTC')", query)
            server.psql("main", "SET TimeZone = '%s'; CREATE TABLE %s AS %s"
                        % (zone, a["table"], query))
            continue
        server.psql("main", "CREATE TABLE %s AS %s" % (a["table"], query))


# ---------------------------------------------------------------------------
# Generated Superset-shaped queries

DIMS = ["region", "channel", "transaction_date", "status", "customer_id",
        "date_trunc('week', transaction_date)", "date_trunc('month', transaction_date)",
        "date_trunc('quarter', transaction_date)", "date_trunc('year', transaction_date)",
        "upper(region)", "coalesce(region, 'none')"]
METRICS = ["sum(amount)", "count(*)", "count(amount)", "min(amount)", "max(amount)",
           "count(DISTINCT region)", "count(DISTINCT channel)", "avg(amount)", "sum(amount * 2)",
           "max(transaction_date)", "min(upper(region))"]
OTHER_METRICS = [
           # Every other aggregate both Spark and PostgreSQL run: none of
           # them is answered from stored groups, so each must be refused.
           "stddev(amount)", "stddev_pop(amount)", "stddev_samp(amount)", "variance(amount)",
           "var_pop(amount)", "var_samp(amount)", "bool_and(amount > 0)", "bool_or(amount > 0)",
           "every(amount > 0)", "corr(amount, customer_id)", "covar_pop(amount, customer_id)",
           "covar_samp(amount, customer_id)", "regr_avgx(amount, customer_id)",
           "regr_avgy(amount, customer_id)", "regr_count(amount, customer_id)",
           "regr_intercept(amount, customer_id)", "regr_r2(amount, customer_id)",
           "regr_slope(amount, customer_id)", "regr_sxx(amount, customer_id)",
           "regr_sxy(amount, customer_id)", "regr_syy(amount, customer_id)",
           "bit_and(customer_id)", "bit_or(customer_id)", "bit_xor(customer_id)",
           "percentile_cont(0.5) WITHIN GROUP (ORDER BY amount)",
           "percentile_disc(0.5) WITHIN GROUP (ORDER BY amount)",
           "max(transaction_ts)", "min(channel)", "count(DISTINCT transaction_date)"]


def maybe(rnd, p, make):
    """make(), with probability p (one draw from rnd), else None."""
    return make() if rnd.random() < p else None


def assemble(select, from_, where=(), group=None, having=None, limit=None):
    """A generated query's text: its SELECT items, FROM, WHERE conjuncts,
    GROUP BY text, HAVING text and LIMIT, ordered by every output so that
    LIMIT picks the same rows each time."""
    sql = "SELECT %s\nFROM %s" % (", ".join(select), from_)
    if where:
        sql += "\nWHERE " + " AND ".join(where)
    if group:
        sql += "\nGROUP BY " + group
    if having:
        sql += "\nHAVING " + having
    sql += "\nORDER BY " + ", ".join(str(i + 1) for i in range(len(select)))
    if limit:
        sql += "\nLIMIT %d" % limit
    return sql


def gen_filter(rnd):
    day = lambda: "2026-%02d-%02d" % (rnd.randint(1, 11), rnd.randint(1, 28))
    choices = [
        lambda: "transaction_date >= DATE '%s'" % day(),
        lambda: "transaction_date < CAST('%s' AS DATE)" % day(),
        lambda: "transaction_date BETWEEN '%s' AND '%s'" % tuple(sorted([day(), day()])),
        lambda: "transaction_date >= current_date() - INTERVAL %d DAYS" % rnd.randint(1, 200),
        lambda: "region IN ('north', 'east')",
        lambda: "region NOT IN ('south')",
        lambda: "channel = '%s'" % rnd.choice(["web", "store", "app"]),
        lambda: "status = 'paid'",
        lambda: "region IS NULL",
        lambda: "region IS NOT NULL",
        lambda: "(region = 'west' OR channel = 'app')",
        lambda: "amount > 100",
        lambda: "upper(region) LIKE 'N%'",
    ]
    if rnd.random() < 0.5:
        return gen_time_bound(rnd)
    return rnd.choice(choices)()


# Bounds around the day after fresh_through (2026-10-31): a fraction of a
# second past midnight reaches into that day.
# (Seven or more digits are left out: Spark drops the seventh, PostgreSQL
# rounds, so the two would read such a bound differently.)
FRACTIONS = ["", ".0", ".5", ".000250", ".000001", ".999999", ".1"]


def time_literal(rnd):
    """A date or time constant near 2026-11-01, in one of Spark's forms."""
    day = rnd.choice(["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02", "2026-09-30"])
    clock = rnd.choice(["00:00:00", "00:00:00", "23:59:59", "12:00:00", "00:00"])
    frac = rnd.choice(FRACTIONS) if clock.count(":") == 2 else ""
    if rnd.random() < 0.5:
        # The edge: a fraction past the first midnight after fresh_through.
        day, clock, frac = "2026-11-01", "00:00:00", rnd.choice(FRACTIONS[2:])
    sep = rnd.choice([" ", " ", "T"])
    ts = day + sep + clock + frac
    forms = [
        lambda: "DATE '%s'" % day,
        lambda: "TIMESTAMP '%s'" % ts,
        lambda: "CAST('%s' AS TIMESTAMP)" % ts,
        lambda: "CAST('%s' AS DATE)" % day,
        lambda: "'%s'" % ts,
        lambda: "'%s'" % day,
        lambda: "TIMESTAMP '%s' + INTERVAL %d HOURS" % (day + " 00:00:00", rnd.randint(-30, 30)),
        lambda: "DATE '%s' - INTERVAL '0.000001' SECOND" % day,
    ]
    return rnd.choice(forms)()


def gen_time_range(rnd):
    col = rnd.choice(["transaction_date", "date_trunc('month', transaction_date)"])
    lo = rnd.choice(["DATE '2026-09-01'", "'2026-10-01'", "TIMESTAMP '2026-08-01 00:00:00'"])
    hi, op = time_literal(rnd), rnd.choice(["<", "<="])
    if rnd.random() < 0.4:
        return "%s <= %s AND %s %s %s" % (lo, col, hi, {"<": ">", "<=": ">="}[op], col)
    return "%s >= %s AND %s %s %s" % (col, lo, col, op, hi)


def gen_time_bound(rnd):
    col = rnd.choice(["transaction_date", "transaction_date", "transaction_date",
                      "date_trunc('month', transaction_date)",
                      "date_trunc('month', transaction_date)",
                      "date_trunc('day', transaction_ts)", "transaction_ts"])
    op = rnd.choice(["<", "<=", "<", "<=", ">=", ">", "="])
    lit = time_literal(rnd)
    if rnd.random() < 0.1:
        lo, hi = sorted([time_literal(rnd), lit])
        return "%s BETWEEN %s AND %s" % (col, lo, hi)
    if rnd.random() < 0.4:
        mirror = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}[op]
        return "%s %s %s" % (lit, mirror, col)             # constant first
    return "%s %s %s" % (col, op, lit)


def gen_query(rnd):
    dims = rnd.sample(DIMS, rnd.choice([0, 1, 1, 2, 2, 3]))
    metrics = rnd.sample(METRICS, rnd.choice([1, 1, 2, 3]))
    if rnd.random() < 0.3:
        metrics[rnd.randrange(len(metrics))] = rnd.choice(OTHER_METRICS)
    edge = rnd.random() < 0.35
    if edge:
        # Superset's time range, its end at the edge of fresh_through,
        # over dimensions and measures an aggregate stores.
        dims = rnd.sample(["region", "channel", "transaction_date",
                           "date_trunc('month', transaction_date)"], rnd.choice([0, 1, 2]))
        metrics = rnd.sample(["sum(amount)", "count(*)", "min(amount)", "max(amount)"],
                             rnd.choice([1, 2]))
    select = []
    for i, d in enumerate(dims):
        label = "d%d" % i if rnd.random() < 0.7 or "(" in d else None
        select.append(d + (" AS `%s`" % label if label else ""))
    for i, m in enumerate(metrics):
        select.append("%s AS `%s`" % (m, m.upper() if rnd.random() < 0.5 else "m%d" % i))
    where = [gen_filter(rnd) for _ in range(rnd.choice([0, 1, 2, 3]))]
    if edge:
        where = [gen_time_range(rnd)] + where[:1]
    if rnd.random() < 0.3:
        where.append("status = 'paid'")
    having = maybe(rnd, 0.2, lambda: "%s > %d" % (
        rnd.choice(["sum(amount)", "count(*)", "max(amount)"]), rnd.randint(0, 3000)))
    sql = assemble(select, "main.sales.transactions", where, ", ".join(dims), having,
                   maybe(rnd, 0.5, lambda: rnd.randint(1, 500)))
    if rnd.random() < 0.25 and dims and "LIMIT" not in sql:
        sql = wrap_with_alias_list(rnd, select, sql)
    elif rnd.random() < 0.1 and dims and "HAVING" not in sql and "LIMIT" not in sql:
        # GROUP BY ALL with a constant item: 3 is a value, not a position.
        sql = sql.replace("SELECT ", "SELECT %d AS tier, " % rnd.randint(1, 4), 1)
        sql = re.sub(r"\nGROUP BY .*", "\nGROUP BY ALL", sql)
        sql = re.sub(r"\nORDER BY .*", "\nORDER BY " + ", ".join(
            str(i + 1) for i in range(len(select) + 1)), sql)
    if rnd.random() < 0.15 and dims:
        # Superset's series limit: the inner block ranks the groups.
        inner = ("SELECT %s AS d__, sum(amount) AS mme__ FROM main.sales.transactions "
                 "GROUP BY %s ORDER BY mme__ DESC, d__ LIMIT 3") % (dims[0], dims[0])
        sql = ("SELECT s.d__, s.mme__ FROM (%s) AS s ORDER BY 1, 2" % inner)
    return sql


def wrap_with_alias_list(rnd, select, sql):
    """The query as a CTE or derived table whose alias list renames its
    columns by position (shuffled names: c1 may be the third column), with
    an outer bound on a renamed column."""
    inner = re.sub(r"\nORDER BY .*", "", sql)
    inner = re.sub(r" AS `[^`]*`", "", inner)       # the alias list names them
    n = len(select)
    names = ["c%d" % i for i in range(n)]
    rnd.shuffle(names)
    # The bound goes on a column holding a date or time.
    timed = [names[i] for i, e in enumerate(select)
             if re.match(r"(transaction_date|date_trunc|max\(transaction_)", e)]
    bound = "TRUE"
    if timed:
        outer_col = rnd.choice(timed)
        bound = "%s %s %s" % (outer_col, rnd.choice(["<", "<=", ">="]), time_literal(rnd))
        if rnd.random() < 0.3:
            bound = "%s %s %s" % (time_literal(rnd), rnd.choice([">", ">="]), outer_col)
    order = ", ".join(str(i + 1) for i in range(n))
    if rnd.random() < 0.5:
        return "WITH d (%s) AS (%s)\nSELECT * FROM d WHERE %s ORDER BY %s" % (
            ", ".join(names), inner, bound, order)
    return "SELECT * FROM (%s) AS d (%s) WHERE %s ORDER BY %s" % (
        inner, ", ".join(names), bound, order)


# ---------------------------------------------------------------------------
# Raw-column time ranges (condition 9): Superset filters the raw column and
# groups by its truncation.  Bounds on and off every grain's boundaries, in
# every form Spark reads, on the DATE and the TIMESTAMP_NTZ column.

BUCKET_GRAINS = ["hour", "day", "week", "month", "quarter", "year"]


def bucket_day(rnd):
    """A day on a boundary of some grain, or just off one."""
    import datetime
    kind = rnd.choice(["year", "quarter", "month", "week", "day", "any"])
    y = rnd.choice([2025, 2026])
    if kind == "year":
        d = datetime.date(y, 1, 1)
    elif kind == "quarter":
        d = datetime.date(y, rnd.choice([1, 4, 7, 10]), 1)
    elif kind == "month":
        d = datetime.date(y, rnd.randint(1, 12), 1)
    elif kind == "week":
        d = datetime.date(2025, 8, 4) + datetime.timedelta(weeks=rnd.randint(0, 68))
    else:
        d = datetime.date(2025, 8, 1) + datetime.timedelta(days=rnd.randint(0, 480))
    if rnd.random() < 0.25:
        d += datetime.timedelta(days=rnd.choice([-1, 1]))      # just off
    return d


def bucket_value(rnd, col, d, upper):
    """A constant for day d in one of Spark's forms."""
    s = d.isoformat()
    forms = [lambda: "DATE '%s'" % s, lambda: "CAST('%s' AS DATE)" % s, lambda: "'%s'" % s,
             lambda: "TIMESTAMP '%s 00:00:00'" % s,
             lambda: "TIMESTAMP '%s %02d:00:00'" % (s, rnd.choice([0, 6, 10, 23])),
             lambda: "'%s %02d:%s'" % (s, rnd.choice([0, 10]), rnd.choice(["00:00", "30:00"])),
             lambda: "TIMESTAMP '%s 23:59:59.999999'" % s,
             lambda: "current_date() - INTERVAL %d DAYS" % rnd.choice([23, 54, 84, 90, 7, 1]),
             lambda: "date_trunc('%s', current_date())" % rnd.choice(["month", "week", "quarter",
                                                                      "year", "day"])]
    return rnd.choice(forms)()


def gen_bucket_query(rnd):
    col = rnd.choice(["transaction_date", "transaction_date", "transaction_ts"])
    grain = rnd.choice(BUCKET_GRAINS[1:] if col == "transaction_date" else BUCKET_GRAINS)
    key = "date_trunc('%s', %s)" % (grain, col)
    lo, hi = sorted([bucket_day(rnd), bucket_day(rnd)])
    shape = rnd.choice(["range", "range", "range", "lte", "between", "lower", "upper",
                        "first", "eq", "in", "gt"])
    v = lambda d, up=False: bucket_value(rnd, col, d, up)
    if shape == "range":
        where = "%s >= %s AND %s < %s" % (col, v(lo), col, v(hi, True))
    elif shape == "lte":
        where = "%s >= %s AND %s <= %s" % (col, v(lo), col, v(hi, True))
    elif shape == "gt":
        where = "%s > %s AND %s < %s" % (col, v(lo), col, v(hi, True))
    elif shape == "between":
        where = "%s BETWEEN %s AND %s" % (col, v(lo), v(hi, True))
    elif shape == "lower":
        where = "%s >= %s" % (col, v(lo))
    elif shape == "upper":
        where = "%s < %s" % (col, v(hi, True))
    elif shape == "first":
        where = "%s <= %s AND %s > %s" % (v(lo), col, v(hi, True), col)
    elif shape == "eq":
        where = "%s = %s" % (col, v(lo))
    else:
        where = "%s IN (%s, %s)" % (col, v(lo), v(hi))
    dims = [key] if rnd.random() < 0.8 else []
    extra = rnd.choice([[], [], ["region"], ["channel"]])
    if col == "transaction_ts" and extra == ["region"]:
        extra = ["channel"]
    dims += extra
    if rnd.random() < 0.2:
        where += " AND %s" % rnd.choice(["region = 'north'", "channel IN ('web', 'app')",
                                        "region IS NOT NULL"])
    metrics = rnd.sample(["sum(amount)", "count(*)", "min(amount)", "max(amount)"],
                         rnd.choice([1, 2]))
    select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
    select += ["%s AS `m%d`" % (m, i) for i, m in enumerate(metrics)]
    return assemble(select, "main.sales.transactions", [where], ", ".join(dims),
                    limit=maybe(rnd, 0.3, lambda: rnd.randint(1, 200)))


# ---------------------------------------------------------------------------
# AVG over an integer, a double and decimals (condition 12), count_if and
# aggregates of DISTINCT dimensions (condition 13), as Superset writes
# them: AVG(col) metrics, a time range, a series per dimension.

ANALYTICS_DIMS = ["region", "channel", "status", "transaction_date",
                  "date_trunc('month', transaction_date)", "date_trunc('week', transaction_date)",
                  "coalesce(region, 'none')", "customer_id"]
ANALYTICS_METRICS = [
    "AVG(amount)", "AVG(quantity)", "AVG(weight)", "AVG(price)", "avg(CAST(customer_id AS DOUBLE))",
    "mean(amount)", "avg(quantity)", "avg(weight)", "avg(amount)",
    "avg(tax)", "avg(product_id)", "avg(amount * 2)",          # refused
    "sum(amount)", "count(*)", "count(quantity)", "min(price)", "max(weight)",
    "count_if(channel = 'web')", "count_if(region IS NULL)", "count_if(status <> 'paid')",
    "avg(DISTINCT customer_id)", "count(DISTINCT customer_id)", "sum(DISTINCT customer_id)",
    "avg(DISTINCT quantity)"]


def gen_analytics_filter(rnd):
    day = lambda: "2026-%02d-%02d" % (rnd.randint(1, 11), rnd.randint(1, 28))
    return rnd.choice([
        lambda: "transaction_date >= DATE '%s'" % day(),
        lambda: "transaction_date < CAST('%s' AS DATE)" % day(),
        lambda: "transaction_date BETWEEN '%s' AND '%s'" % tuple(sorted([day(), day()])),
        lambda: "region IN ('north', 'east')",
        lambda: "channel = '%s'" % rnd.choice(["web", "store", "app"]),
        lambda: "status = 'paid'",
        lambda: "region IS NOT NULL",
        lambda: "customer_id > %d" % rnd.randint(1, 60),
        lambda: "quantity > 3",                                   # refused
    ])()


def gen_grouping_sets(rnd, dims):
    """ROLLUP, CUBE, GROUPING SETS (sets dropped, repeated, empty), WITH
    ROLLUP / WITH CUBE, and plain keys beside a grouping set."""
    form = rnd.choice(["rollup", "cube", "sets", "with", "mixed"])
    if form == "rollup":
        return "ROLLUP(%s)" % ", ".join(dims)
    if form == "cube":
        return "CUBE(%s)" % ", ".join(dims)
    if form == "with":
        return "%s WITH %s" % (", ".join(dims), rnd.choice(["ROLLUP", "CUBE"]))
    if form == "mixed" and len(dims) > 1:
        return "%s, %s(%s)" % (dims[0], rnd.choice(["ROLLUP", "CUBE"]), ", ".join(dims[1:]))
    sets = ["(%s)" % ", ".join(dims)]       # every selected key grouped somewhere
    sets += ["(%s)" % ", ".join(rnd.sample(dims, rnd.randint(1, len(dims))))
             for _ in range(rnd.randint(0, 2))]
    rnd.shuffle(sets)
    if rnd.random() < 0.6:
        sets.append("()")
    return "GROUPING SETS (%s)" % ", ".join(sets)


def gen_analytics_query(rnd):
    dims = rnd.sample(ANALYTICS_DIMS, rnd.choice([0, 1, 1, 2, 2, 3]))
    metrics = rnd.sample(ANALYTICS_METRICS, rnd.choice([1, 2, 2, 3]))
    select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
    select += ["%s AS `%s`" % (m, m.upper() if rnd.random() < 0.4 else "m%d" % i)
               for i, m in enumerate(metrics)]
    where = [gen_analytics_filter(rnd) for _ in range(rnd.choice([0, 1, 1, 2]))]
    group = ", ".join(dims)
    if dims and rnd.random() < 0.45:
        # Superset's pivot table totals: the keys in grouping sets, with
        # grouping_id() over them in some order (condition 14).
        group = gen_grouping_sets(rnd, dims)
        ids = rnd.sample(dims, len(dims))
        select.append("grouping_id(%s) AS `gid`" % ", ".join(ids))
        if rnd.random() < 0.3:
            select.append("grouping(%s) AS `g0`" % dims[0])
    having = maybe(rnd, 0.2, lambda: "%s > %d" % (
        rnd.choice(["avg(quantity)", "avg(weight)", "count(*)"]), rnd.randint(0, 40)))
    return assemble(select, "main.sales.transactions", where, group if dims else None, having,
                    maybe(rnd, 0.4, lambda: rnd.randint(1, 300)))


# Join-back (aggregate_joins.c): the fact joined to a store dimension for
# its attributes.  Inner and outer joins on either side, the ON condition
# in either order and with extra conditions, filters and groups on the
# dimension's attributes and the fact's dimensions, aggregates over both
# sides; also joins that must be refused (the dimension preserved, FULL,
# a dimension whose key repeats, a key that is unique only as a pair).

JOIN_DIMS = ["s.city", "s.size", "s.store_name", "s.store_id", "t.store_id", "t.region",
             "t.channel", "t.transaction_date", "date_trunc('month', t.transaction_date)",
             "coalesce(s.city, 'none')", "concat(s.city, '/', t.region)",
             "CASE WHEN s.size = 'large' THEN t.channel ELSE 'other' END"]
JOIN_METRICS = ["sum(t.amount)", "count(*)", "count(t.amount)", "min(t.amount)",
                "max(t.amount)", "count(DISTINCT s.city)", "min(s.city)", "max(s.size)",
                "count(DISTINCT t.region)", "max(t.transaction_date)",
                # refused: no stored measure answers them per fact row
                "count(s.city)", "sum(s.store_id)", "avg(t.amount)"]
JOIN_FILTERS = ["s.size = 'large'", "s.city IN ('Paris', 'Nice')", "s.city IS NULL",
                "s.city IS NOT NULL", "s.size <> 'small'", "t.region = 'north'",
                "t.channel IN ('web', 'app')", "(s.city = 'Lyon' OR t.region = 'west')",
                "t.transaction_date >= DATE '2026-%02d-01'", "t.transaction_date < DATE '2026-11-01'",
                "t.transaction_date BETWEEN DATE '2026-03-01' AND DATE '2026-10-31'",
                "coalesce(s.size, 'none') = 'none'", "t.store_id > 5", "s.store_id <= 3"]


def gen_join_query(rnd):
    dim = "main.sales.stores"
    if rnd.random() < 0.1:
        dim = rnd.choice(["main.sales.store_owners", "main.sales.store_cities"])
    fact = "main.sales.transactions"
    kind = rnd.choice(["JOIN", "JOIN", "INNER JOIN", "LEFT JOIN", "LEFT OUTER JOIN", "LEFT JOIN",
                       "RIGHT JOIN", "FULL JOIN"])
    key = rnd.choice(["t.store_id = s.store_id", "s.store_id = t.store_id"])
    on = [key]
    if rnd.random() < 0.25:
        on.append(rnd.choice(["s.size = 'large'", "t.channel = 'web'", "s.city IS NOT NULL",
                              "t.region <> 'south'", "rand() < 2"]))
    if dim == "main.sales.store_cities" and rnd.random() < 0.5:
        on.append("s.city = 'Paris'")
    rnd.shuffle(on)
    # RIGHT JOIN with the dimension written first preserves the fact; the
    # other order preserves the dimension (refused).
    if kind == "RIGHT JOIN" and rnd.random() < 0.7:
        from_ = "%s AS s RIGHT JOIN %s AS t ON %s" % (dim, fact, " AND ".join(on))
    elif kind in ("LEFT JOIN", "LEFT OUTER JOIN") and rnd.random() < 0.15:
        from_ = "%s AS s %s %s AS t ON %s" % (dim, kind, fact, " AND ".join(on))
    else:
        from_ = "%s AS t %s %s AS s ON %s" % (fact, kind, dim, " AND ".join(on))
    dims = rnd.sample(JOIN_DIMS, rnd.choice([0, 1, 1, 2, 2, 3]))
    if dim != "main.sales.stores":
        dims = [d for d in dims if not re.search(r"s\.(size|store_name)", d)]
        if dim == "main.sales.store_owners":
            dims = [d.replace("s.city", "s.owner") for d in dims]
    metrics = rnd.sample(JOIN_METRICS[:10], rnd.choice([1, 2, 2, 3]))
    if rnd.random() < 0.15:
        metrics[rnd.randrange(len(metrics))] = rnd.choice(JOIN_METRICS[10:])
    if dim != "main.sales.stores":
        metrics = [m.replace("s.size", "s.store_id").replace(
            "s.city", "s.owner" if dim == "main.sales.store_owners" else "s.city")
            for m in metrics]
    select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
    select += ["%s AS `m%d`" % (m, i) for i, m in enumerate(metrics)]
    where = []
    for _ in range(rnd.choice([0, 1, 1, 2, 3])):
        f = rnd.choice(JOIN_FILTERS)
        where.append(f % rnd.randint(1, 11) if "%" in f else f)
    if dim != "main.sales.stores":
        where = [w for w in where if "s." not in w or "s.store_id" in w]
    if rnd.random() < 0.3:
        # the monthly aggregate holds October and before only
        where.append("t.transaction_date < DATE '2026-%02d-01'" % rnd.randint(2, 12))
    having = maybe(rnd, 0.15, lambda: "%s > %d" % (
        rnd.choice(["sum(t.amount)", "count(*)"]), rnd.randint(0, 2000)))
    sql = assemble(select, from_, where, ", ".join(dims), having,
                   maybe(rnd, 0.2, lambda: rnd.randint(1, 50)))
    if rnd.random() < 0.15:
        # No aliases: the columns named by their tables, or not at all
        # (bound through the declared columns).
        sql = sql.replace(" AS t ", " ").replace(" AS s ", " ")
        sql = re.sub(r"\bt\.", "transactions.", sql)
        sql = re.sub(r"\bs\.", dim.split(".")[-1] + ".", sql)
        if rnd.random() < 0.5:
            sql = re.sub(r"\b(transactions|stores|store_owners|store_cities)\."
                         r"(city|size|store_name|amount|region|channel|owner|country)\b",
                         r"\2", sql)
    return sql


# Spellings and implications (corpus/routing/normal): the same expression
# written as Spark reads it alike (units in any case and their synonyms,
# trunc(x, 'MM'), count(1), commuted operands, mirrored comparisons, IN of
# one value, interval spellings), and spellings that differ (a unit below
# the stored grain, subtraction swapped, a string IN against a number,
# INTERVAL 120 MINUTES), so that both routed and refused forms run.

NORMAL_MONTHS = ["month", "MONTH", "Month", "MM", "mm", "mon", "MON"]
NORMAL_TIME_DIMS = [
    lambda rnd: "date_trunc('%s', transaction_date)" % rnd.choice(NORMAL_MONTHS),
    lambda rnd: "date_trunc('%s', transaction_date)" % rnd.choice(
        ["quarter", "QUARTER", "year", "YEAR", "yyyy", "YY", "week", "DD", "day"]),
    lambda rnd: "trunc(transaction_date, '%s')" % rnd.choice(
        NORMAL_MONTHS + ["quarter", "YEAR", "yy", "week", "DD"]),
    lambda rnd: "date_trunc('%s', %s)" % (rnd.choice(["day", "DAY", "dd", "hour"]), rnd.choice(
        ["transaction_ts + INTERVAL 2 HOURS", "transaction_ts + INTERVAL '2' HOUR",
         "transaction_ts + interval '2 hours'", "INTERVAL '2 hour' + transaction_ts",
         "transaction_ts + INTERVAL 120 MINUTES", "transaction_ts + INTERVAL 3 HOURS"])),
]
NORMAL_METRICS = ["sum(amount)", "count(1)", "count(*)", "count('x')", "count(amount)",
                  "sum(customer_id * product_id)", "sum(product_id * customer_id)",
                  "sum(customer_id + product_id)", "sum(product_id + customer_id)",
                  "sum(customer_id - product_id)", "sum(product_id - customer_id)",
                  "max(amount)", "count(NULL)"]
NORMAL_FILTERS = ["status IN ('paid')", "status = 'paid'", "'paid' = status",
                  "product_id IN (3)", "product_id = 3", "3 = product_id", "product_id IN ('3')",
                  "region = 'north'", "channel IN ('web')", "'app' = channel",
                  "status IN ('paid', 'pending')",
                  # implied, not equal: kept on the routed block
                  "status = 'pending'", "status <> 'paid'", "status IN ('pending', 'refunded')",
                  "NOT (status <=> 'paid')", "(status = 'pending' OR channel = 'web')",
                  "channel IN ('app')", "channel = 'web'", "channel IN ('web', 'app')",
                  "channel IN ('web', 'store')",
                  "transaction_date >= DATE '2026-03-01'",
                  "transaction_date BETWEEN '2026-02-01' AND '2026-04-30'",
                  "transaction_date >= TIMESTAMP '2026-05-01 00:00:00'",
                  "transaction_date > DATE '2026-01-31'", "transaction_date >= DATE '2025-12-01'",
                  "transaction_date < DATE '2026-06-01'", "transaction_date >= '2026-02-01'"]


def gen_normal_query(rnd):
    dims = []
    if rnd.random() < 0.8:
        dims.append(rnd.choice(NORMAL_TIME_DIMS)(rnd))
    dims += rnd.sample(["region", "channel", "status", "transaction_date"], rnd.choice([0, 0, 1]))
    metrics = rnd.sample(NORMAL_METRICS, rnd.choice([1, 1, 2]))
    select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
    select += ["%s AS `m%d`" % (m, i) for i, m in enumerate(metrics)]
    where = rnd.sample(NORMAL_FILTERS, rnd.choice([0, 1, 1, 2]))
    if rnd.random() < 0.3:
        where.append("transaction_date >= DATE '2026-%02d-01'" % rnd.randint(1, 10))
    group = None
    if dims:
        group = ", ".join(str(i + 1) for i in range(len(dims))) if rnd.random() < 0.5 else \
            ", ".join(dims)
    return assemble(select, "main.sales.transactions", where, group)


def gen_joinagg_query(rnd):
    """Queries for aggregates over joins (corpus/routing/joinaggs): the
    join queries above, more often with the large-store condition in ON,
    and a quarter of queries that read the fact alone."""
    if rnd.random() < 0.25:
        dims = rnd.sample(["t.region", "t.channel", "t.transaction_date",
                           "date_trunc('month', t.transaction_date)"], rnd.choice([0, 1, 2]))
        metrics = rnd.sample(["sum(t.amount)", "count(*)", "count(t.amount)", "min(t.amount)",
                              "max(t.amount)", "count(DISTINCT t.region)"], rnd.choice([1, 2]))
        select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
        select += ["%s AS `m%d`" % (m, i) for i, m in enumerate(metrics)]
        where = maybe(rnd, 0.5, lambda: "t.transaction_date >= DATE '2026-%02d-01'"
                      % rnd.randint(1, 11))
        return assemble(select, "main.sales.transactions AS t", [where] if where else [],
                        ", ".join(dims))
    # Mostly what the aggregates store, so that most queries are routed.
    global JOIN_DIMS, JOIN_FILTERS
    saved = JOIN_DIMS, JOIN_FILTERS
    if rnd.random() < 0.7:
        JOIN_DIMS = ["s.city", "s.size", "t.channel", "t.transaction_date", "t.region",
                     "date_trunc('month', t.transaction_date)", "coalesce(s.city, 'none')"]
        JOIN_FILTERS = ["s.size = 'large'", "s.city IN ('Paris', 'Nice')", "s.city IS NULL",
                        "t.channel IN ('web', 'app')", "(s.city = 'Lyon' OR t.channel = 'web')",
                        "t.transaction_date >= DATE '2026-%02d-01'", "s.size <> 'small'"]
    try:
        sql = gen_join_query(rnd)
    finally:
        JOIN_DIMS, JOIN_FILTERS = saved
    if rnd.random() < 0.3 and "main.sales.stores AS s" in sql:
        sql = sql.replace(" ON ", " ON s.size = 'large' AND ", 1)
    return sql


# Answers derived from stored groups (corpus/routing/derived): SELECT
# DISTINCT over dimensions, with and without the filtered aggregate's
# filter (condition 15); fields of the time (hour, date, to_date, day,
# dayofmonth, dayofweek, weekday, dayofyear, weekofyear, month, quarter,
# year) of the DATE and the TIMESTAMP_NTZ column, as keys, in WHERE and in
# CASE, over truncations at every grain, most of which must be refused
# (condition 16); COUNT(DISTINCT) at the stored grain, coarser, under
# ROLLUP, with extra keys and bounds (condition 17); GROUP BY a constant
# beside a one-row global aggregate.

DERIVED_FIELDS = ["hour", "date", "to_date", "day", "dayofmonth", "dayofweek", "weekday",
                  "dayofyear", "weekofyear", "month", "quarter", "year"]
DERIVED_DIMS = ["region", "channel", "status", "transaction_date",
                "date_trunc('month', transaction_date)", "date_trunc('week', transaction_date)",
                "date_trunc('day', transaction_ts)", "upper(region)",
                "coalesce(channel, 'none')"]


def derived_field(rnd, col=None):
    col = col or rnd.choice(["transaction_ts", "transaction_ts", "transaction_date"])
    return "%s(%s)" % (rnd.choice(DERIVED_FIELDS), col)


def gen_derived_filter(rnd):
    day = rnd.choice(["2026-01-01", "2026-01-05", "2026-03-01", "2026-04-01", "2026-06-15",
                      "2025-12-29", "2026-10-01", "2025-09-01"])
    return rnd.choice([
        lambda: "status = 'paid'",
        lambda: "channel = '%s'" % rnd.choice(["web", "store", "app"]),
        lambda: "region IN ('north', 'east')",
        lambda: "region IS NULL",
        lambda: "transaction_date >= DATE '%s'" % day,
        lambda: "transaction_date < DATE '%s'" % day,
        lambda: "transaction_ts >= TIMESTAMP '%s %02d:00:00'" % (day, rnd.choice([0, 0, 9])),
        lambda: "dayofweek(transaction_ts) IN (1, 7)",
        lambda: "weekday(transaction_date) < 5",
        lambda: "hour(transaction_ts) BETWEEN 9 AND 17",
        lambda: "month(transaction_date) = %d" % rnd.randint(1, 12),
        lambda: "year(transaction_ts) = 2026",
        lambda: "customer_id > 30",                             # refused: not stored
    ])()


def gen_derived_query(rnd):
    shape = rnd.choice(["distinct", "distinct", "fields", "fields", "fields", "count_distinct",
                        "count_distinct", "constant"])
    where = [gen_derived_filter(rnd) for _ in range(rnd.choice([0, 1, 1, 2]))]
    group = None
    if shape == "distinct":
        pool = DERIVED_DIMS + [derived_field(rnd) for _ in range(3)]
        dims = rnd.sample(pool, rnd.choice([1, 1, 2, 3]))
        nothing = rnd.random() < 0.05
        if nothing:
            # no rows: not the one row of a global aggregate (void_totals
            # holds one over its filter, which no row passes)
            dims, where = ["'x'"], [rnd.choice(["1 = 0", "status = 'void'"])]
        select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
        if rnd.random() < 0.25 and not nothing:
            # the same as a GROUP BY without aggregates
            group = ", ".join(dims)
            head = "SELECT "
        else:
            head = "SELECT DISTINCT "
    elif shape == "fields":
        # one column per query, mostly: the fields of one stored truncation
        col = rnd.choice(["transaction_ts", "transaction_ts", "transaction_date", None])
        dims = [derived_field(rnd, col) for _ in range(rnd.choice([1, 1, 2]))]
        dims += rnd.sample(["region", "channel", "status"], rnd.choice([0, 0, 1]))
        if rnd.random() < 0.2:
            dims[0] = ("CASE WHEN %s < 5 THEN 'weekday' ELSE 'weekend' END"
                       % rnd.choice(["weekday(transaction_ts)", "weekday(transaction_date)"]))
        metrics = rnd.sample(["sum(amount)", "count(*)", "min(amount)"], rnd.choice([1, 2]))
        other = {"transaction_ts": "transaction_date", "transaction_date": "transaction_ts"}
        if col and rnd.random() < 0.8:
            where = [w for w in where if other[col] not in w]
        select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
        select += ["%s AS `m%d`" % (m, i) for i, m in enumerate(metrics)]
        group = ", ".join(dims) if rnd.random() < 0.5 else \
            ", ".join(str(i + 1) for i in range(len(dims)))
        head = "SELECT "
    elif shape == "count_distinct":
        grain = rnd.choice([["transaction_date", "region"],
                            ["date_trunc('month', transaction_date)", "channel"]])
        dims = list(grain)
        r = rnd.random()
        if r < 0.25:
            dims = rnd.sample(dims, 1)                          # coarser: refused
        elif r < 0.4:
            dims.append(rnd.choice(["upper(region)", "coalesce(channel, 'none')",
                                    "date_trunc('quarter', transaction_date)"]))
        elif r < 0.5:
            dims[0] = "date_trunc('%s', transaction_date)" % rnd.choice(["month", "quarter"])
        rnd.shuffle(dims)
        metrics = ["count(DISTINCT %s)" % rnd.choice(["customer_id", "customer_id",
                                                      "product_id"])]
        metrics += rnd.sample(["count(*)", "sum(amount)", "count(DISTINCT region)"],
                              rnd.choice([0, 1]))
        select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
        select += ["%s AS `m%d`" % (m, i) for i, m in enumerate(metrics)]
        group = ", ".join(dims)
        if rnd.random() < 0.1:
            group = "ROLLUP(%s)" % group                         # refused
        elif rnd.random() < 0.1:
            group = "ALL"
        if rnd.random() < 0.1:
            dims, select, group = [], select[len(dims):], None     # global
        where = [w for w in where if not re.search(r"hour|dayofweek|transaction_ts", w)]
        head = "SELECT "
    else:
        # GROUP BY a constant: never from the one-row global aggregate
        dims = ["'all'"]
        select = ["'all' AS `scope`", "count(*) AS `orders`", "sum(amount) AS `revenue`"]
        group = rnd.choice(["1", "ALL"])
        head = "SELECT "
        where = []
        if rnd.random() < 0.5:
            where.append(rnd.choice(["transaction_date > DATE '2030-01-01'", "1 = 0",
                                     "status = 'void'"]))
    having = shape != "distinct" and group and maybe(rnd, 0.15, lambda: "%s > %d" % (
        rnd.choice(["count(*)", "count(DISTINCT customer_id)"]), rnd.randint(0, 30)))
    sql = assemble(select, "main.sales.transactions", where, group, having,
                   maybe(rnd, 0.2, lambda: rnd.randint(1, 100)))
    return head + sql[len("SELECT "):]


# Past fresh_through (corpus/routing/stale): the aggregates with "stale":
# "union" are fresh through November 20 (day, DATE), November 15 (month,
# DATE), November 21 (day, TIMESTAMP) and November 20 (hour, TIMESTAMP);
# the fact's last rows are of November 23.  STALE_WHERE keeps each
# generated query's filters, to count the rows on each side of a split.

STALE_WHERE = {}
STALE_DATE_DIMS = ["region", "channel", "transaction_date",
                   "date_trunc('month', transaction_date)", "store_id"]
STALE_TS_DIMS = ["channel", "status", "date_trunc('day', transaction_ts)",
                 "date_trunc('hour', transaction_ts)"]
STALE_METRICS = ["sum(amount)", "count(*)", "count(amount)", "min(amount)", "max(amount)",
                 "avg(quantity)", "avg(weight)", "count(DISTINCT region)",
                 "count(DISTINCT channel)", "count_if(channel = 'web')",
                 "count(DISTINCT customer_id)"]          # refused: not a dimension
STALE_TS_METRICS = ["sum(amount)", "count(*)", "count(amount)", "count(DISTINCT channel)",
                    "max(amount)"]


def stale_day(rnd, lo, hi):
    import datetime
    return (datetime.date(2026, 11, 1) + datetime.timedelta(days=rnd.randint(lo, hi))).isoformat()


def gen_stale_time(rnd, ts, clock=False):
    """A time range that reaches past fresh_through, or one the union
    must refuse; with clock, a third of them relative to the clock."""
    col = "transaction_ts" if ts else "transaction_date"
    if clock and rnd.random() < 0.33:
        return rnd.choice(["%s >= current_timestamp() - INTERVAL %d HOURS",
                           "%s >= current_date() - INTERVAL %d DAYS"]) % (
            col, rnd.randint(1, 240))
    lo = stale_day(rnd, -40, 24)
    hi = stale_day(rnd, 14, 60)
    lit = (lambda d: "TIMESTAMP '%s %02d:00:00'" % (d, rnd.choice([0, 0, 6, 13]))) if ts else \
          (lambda d: rnd.choice(["DATE '%s'", "'%s'", "CAST('%s' AS DATE)"]) % d)
    shape = rnd.choice(["lower", "lower", "lower", "range", "range", "between", "relative",
                        "gt", "none", "or_null", "month"])
    if shape == "lower":
        return "%s >= %s" % (col, lit(lo))
    if shape == "gt":
        return "%s > %s" % (col, lit(lo))
    if shape == "range":
        return "%s >= %s AND %s < %s" % (col, lit(lo), col, lit(hi))
    if shape == "between":
        return "%s BETWEEN %s AND %s" % (col, lit(lo), lit(hi))
    if shape == "relative":
        return "%s >= current_date() - INTERVAL %d DAYS" % (col, rnd.randint(1, 40))
    if shape == "or_null":
        return "(%s >= %s OR %s IS NULL)" % (col, lit(lo), col)
    if shape == "month":
        return "%s >= %s" % (col, lit(stale_day(rnd, -120, 0)[:8] + "01"))
    return "TRUE"


def gen_stale_query(rnd, ts=None, clock=False):
    if ts is None:
        ts = rnd.random() < 0.3
    dims = rnd.sample(STALE_TS_DIMS if ts else STALE_DATE_DIMS,
                      rnd.choice([0, 0, 1, 1, 2, 2, 3]))
    metrics = rnd.sample(STALE_TS_METRICS if ts else STALE_METRICS, rnd.choice([1, 2, 2, 3]))
    select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
    select += ["%s AS `m%d`" % (m, i) for i, m in enumerate(metrics)]
    where = [gen_stale_time(rnd, ts, clock)]
    filters = ["region = '%s'" % rnd.choice(["north", "east", "south", "west"]),
               "channel IN ('web', 'app')", "region IS NULL", "region IS NOT NULL",
               "channel = 'fax'",                              # no row at all
               "(region = 'west' OR channel = 'store')"] if not ts else \
              ["channel = '%s'" % rnd.choice(["web", "store", "app", "fax"]),
               "status IN ('paid', 'pending')", "status = 'refunded'"]
    where += rnd.sample(filters, rnd.choice([0, 0, 1, 1, 2]))
    where = [w for w in where if w != "TRUE"]
    having = dims and maybe(rnd, 0.2, lambda: "count(*) > %d" % rnd.randint(0, 3))
    sql = assemble(select, "main.sales.transactions", where, ", ".join(dims), having,
                   maybe(rnd, 0.3, lambda: rnd.randint(1, 20)))
    STALE_WHERE[sql] = " AND ".join(where) if where else "TRUE"
    return sql


STALE_SPLIT = re.compile(r"routed onto (\S+) .*?from (\d{4}-\d\d-\d\d) on \(stale: union\)")


def split_counts(binary, rules_path, sql, err):
    """For a query routed onto a union: the Spark SQL counting the fact's
    rows the query reads before the split and from it on, or None."""
    m = STALE_SPLIT.search(err)
    where = STALE_WHERE.get(sql)
    if not m or where is None:
        return None
    agg = [a for a in json.load(open(rules_path))["aggregates"] if a["table"] == m.group(1)][0]
    col = "transaction_ts" if "transaction_ts" in agg["query"] else "transaction_date"
    return ("SELECT sum(CASE WHEN %s < DATE '%s' THEN 1 ELSE 0 END) AS a, "
            "sum(CASE WHEN %s >= DATE '%s' THEN 1 ELSE 0 END) AS b "
            "FROM main.sales.transactions WHERE %s" % (col, m.group(2), col, m.group(2), where))


# Aggregates whose WHERE leaves values out (corpus/routing/normal/implied:
# status <> 'refunded', channel NOT IN ('store'), product_id != 3): the
# query's = and IN of other values imply them; the same values, decimal
# literals and strings against the integer column do not.
IMPLIED_FILTERS = ["status = 'paid'", "status IN ('paid', 'pending')", "status = 'refunded'",
                   "status IN ('pending', 'refunded')", "status <> 'pending'",
                   "status = 'Refunded'", "'paid' = status",
                   "channel = 'web'", "channel IN ('web', 'app')", "channel IN ('app', 'store')",
                   "channel = 'store'", "channel <> 'app'",
                   "product_id = 5", "product_id IN (1, 2)", "product_id IN (2, 3)",
                   "product_id = 3", "product_id = 3.0", "product_id = 0", "product_id = -3",
                   "region = 'north'"]


def gen_implied_query(rnd):
    dims = rnd.sample(["transaction_date", "status", "channel", "product_id", "region"],
                      rnd.choice([0, 1, 1, 2]))
    metrics = rnd.sample(["sum(amount)", "count(*)", "count(amount)", "max(amount)",
                          "min(amount)"], rnd.choice([1, 2]))
    select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
    select += ["%s AS `m%d`" % (m, i) for i, m in enumerate(metrics)]
    where = rnd.sample(IMPLIED_FILTERS, rnd.choice([1, 1, 2]))
    if rnd.random() < 0.3:
        where.append("transaction_date >= DATE '2026-%02d-01'" % rnd.randint(1, 10))
    return assemble(select, "main.sales.transactions", where, ", ".join(dims))


# Lossless joins (corpus/routing/lossless, aggregate_joins.c J9): queries
# of the fact alone that only an aggregate over an inner join stores --
# onto products (product_id not_null, a total reference: lossless), onto
# customers (a reference that is not total: customers 51-60 are not
# listed), onto region_names (a total reference from a column that may
# be NULL), onto products with a condition in ON, onto stores from
# product_id (a reference to another table) -- and the joins themselves,
# inner, left and right, against them.

LOSSLESS_GROUPS = [
    ["t.transaction_date", "date_trunc('month', t.transaction_date)", "t.channel"],  # products
    ["t.status", "t.transaction_date"],                                             # customers
    ["date_trunc('month', t.transaction_date)", "t.region"],                        # region_names
    ["t.transaction_date", "t.region"],                                             # ON condition
    ["t.product_id", "t.transaction_date"],                                         # stores
]
LOSSLESS_METRICS = ["sum(t.amount)", "count(*)", "count(t.amount)", "min(t.amount)",
                    "max(t.amount)", "count(DISTINCT t.channel)"]
LOSSLESS_FILTERS = ["t.transaction_date >= DATE '2026-%02d-01'", "t.channel IN ('web', 'app')",
                    "t.status = 'paid'", "t.region = 'north'", "t.region IS NULL",
                    "t.transaction_date < DATE '2026-%02d-15'"]
LOSSLESS_JOINS = [
    ("main.sales.products", "p", "product_id", ["p.category", "coalesce(p.category, 'none')"],
     ["p.category = 'toys'", "p.category IS NULL"]),
    ("main.sales.customers", "c", "customer_id", ["c.segment"], ["c.segment = 'retail'"]),
    ("main.sales.region_names", "r", "region", ["r.zone"], ["r.zone = 'A'"]),
]


def gen_lossless_query(rnd):
    metrics = rnd.sample(LOSSLESS_METRICS, rnd.choice([1, 1, 2, 3]))
    where = []
    for _ in range(rnd.choice([0, 1, 1, 2])):
        f = rnd.choice(LOSSLESS_FILTERS)
        where.append(f % rnd.randint(1, 11) if "%" in f else f)
    if rnd.random() < 0.55:
        group = rnd.choice(LOSSLESS_GROUPS)
        dims = rnd.sample(group, rnd.choice([0, 1, 1, 2]))
        if len([d for d in dims if "transaction_date" in d]) > 1:
            dims = dims[:1]
        from_ = "main.sales.transactions AS t"
    else:
        table, alias, key, attrs, conds = rnd.choice(LOSSLESS_JOINS)
        fact_dims = {"p": ["t.channel", "t.transaction_date"], "c": ["t.status"],
                     "r": ["t.region", "date_trunc('month', t.transaction_date)"]}[alias]
        dims = rnd.sample(attrs + fact_dims, rnd.choice([1, 1, 2]))
        if rnd.random() < 0.3:
            where.append(rnd.choice(conds))
        on = rnd.choice(["t.%s = %s.%s" % (key, alias, key), "%s.%s = t.%s" % (alias, key, key)])
        kind = rnd.choice(["JOIN", "INNER JOIN", "LEFT JOIN", "RIGHT JOIN"])
        if kind == "RIGHT JOIN":
            from_ = "%s AS %s RIGHT JOIN main.sales.transactions AS t ON %s" % (table, alias, on)
        else:
            from_ = "main.sales.transactions AS t %s %s AS %s ON %s" % (kind, table, alias, on)
    select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
    select += ["%s AS `m%d`" % (m, i) for i, m in enumerate(metrics)]
    having = maybe(rnd, 0.1, lambda: "count(*) > %d" % rnd.randint(0, 20))
    return assemble(select, from_, where, ", ".join(dims), having,
                    maybe(rnd, 0.15, lambda: rnd.randint(1, 50)))


# The shipped rules/example.json (corpus/routing/example): daily revenue
# per region of the sales alone, and per product category of the sales
# joined to main.sales.products (an inner join; product_id is not declared
# a total reference, so it answers no query of the fact alone).  Queries
# of the fact alone and of its joins to products, inner, left and right,
# with the measures both store and some they do not.

EXAMPLE_FACT_DIMS = ["t.transaction_date", "date_trunc('month', t.transaction_date)", "t.region",
                     "coalesce(t.region, 'none')"]
EXAMPLE_JOIN_DIMS = ["p.category", "t.transaction_date", "date_trunc('month', t.transaction_date)",
                     "coalesce(p.category, 'none')", "upper(p.category)"]
EXAMPLE_METRICS = ["sum(t.amount)", "count(*)", "count(t.amount)", "min(t.amount)",
                   "count(DISTINCT t.transaction_date)"]
EXAMPLE_FILTERS = ["t.transaction_date >= DATE '2026-%02d-01'",
                   "t.transaction_date < DATE '2026-%02d-15'",
                   "t.transaction_date >= current_date() - INTERVAL %d DAYS"]


def gen_example_query(rnd):
    metrics = rnd.sample(EXAMPLE_METRICS, rnd.choice([1, 1, 2, 3]))
    where = []
    for _ in range(rnd.choice([0, 1, 1, 2])):
        f = rnd.choice(EXAMPLE_FILTERS)
        where.append(f % rnd.randint(1, 11))
    if rnd.random() < 0.35:
        dims = rnd.sample(EXAMPLE_FACT_DIMS, rnd.choice([0, 1, 1, 2]))
        if rnd.random() < 0.3:
            where.append(rnd.choice(["t.region = 'north'", "t.region IS NULL",
                                     "t.region IN ('south', 'east')"]))
        from_ = "main.sales.transactions AS t"
    else:
        dims = rnd.sample(EXAMPLE_JOIN_DIMS, rnd.choice([1, 1, 2]))
        if rnd.random() < 0.4:
            where.append(rnd.choice(["p.category = 'toys'", "p.category IS NULL",
                                     "p.category IN ('north', 'east')", "p.price > 10"]))
        on = rnd.choice(["t.product_id = p.product_id", "p.product_id = t.product_id"])
        kind = rnd.choice(["JOIN", "INNER JOIN", "JOIN", "LEFT JOIN", "RIGHT JOIN"])
        if kind == "RIGHT JOIN":
            from_ = "main.sales.products AS p RIGHT JOIN main.sales.transactions AS t ON " + on
        else:
            from_ = "main.sales.transactions AS t %s main.sales.products AS p ON %s" % (kind, on)
    if len([d for d in dims if "transaction_date" in d]) > 1:
        dims = dims[:1]
    select = ["%s AS `d%d`" % (d, i) for i, d in enumerate(dims)]
    select += ["%s AS `m%d`" % (m, i) for i, m in enumerate(metrics)]
    sql = "SELECT %s\nFROM %s" % (", ".join(select), from_)
    if where:
        sql += "\nWHERE " + " AND ".join(where)
    if dims:
        sql += "\nGROUP BY " + ", ".join(dims)
    if rnd.random() < 0.1:
        sql += "\nHAVING count(*) > %d" % rnd.randint(0, 20)
    return sql + "\nORDER BY " + ", ".join(str(i + 1) for i in range(len(select)))


GENERATORS = {"buckets": lambda rnd: gen_bucket_query(rnd),
              "implied": lambda rnd: gen_implied_query(rnd),
              "stale": lambda rnd: gen_stale_query(rnd),
              "ltz": lambda rnd: gen_stale_query(rnd, ts=True, clock=True),
              "derived": lambda rnd: gen_derived_query(rnd),
              "utc": lambda rnd: gen_bucket_query(rnd),
              "analytics": lambda rnd: gen_analytics_query(rnd),
              "normal": lambda rnd: gen_normal_query(rnd),
              "joins": lambda rnd: gen_join_query(rnd),
              "joinaggs": lambda rnd: gen_joinagg_query(rnd),
              "lossless": lambda rnd: gen_lossless_query(rnd),
              "example": lambda rnd: gen_example_query(rnd)}


# ---------------------------------------------------------------------------

def rows_of(output):
    lines = output.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return [], []
    return lines[0].split("\t"), sorted(lines[1:])


def run_pairs(server, pairs):
    """Run every (name, a, b) pair in one psql script; per pair the rows
    of a and of b (rows_of), and what PostgreSQL wrote to stderr."""
    script = []
    for k, (_, a, b) in enumerate(pairs):
        script.append("\\echo @@@ %d a\n%s;\n\\echo @@@ %d b\n%s;\n" % (k, a, k, b))
    out, err = server.script("main", "".join(script))
    results, current = {}, None
    for line in out.split("\n"):
        if line.startswith("@@@ "):
            current = tuple(line[4:].split())
            results[current] = []
        elif current is not None:
            results[current].append(line)
    return [(rows_of("\n".join(results.get((str(k), "a"), []))),
             rows_of("\n".join(results.get((str(k), "b"), []))))
            for k in range(len(pairs))], err


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    binary = args[0]
    generated, seed = 2000, 7
    dirs = []
    i = 1
    while i < len(args):
        if args[i] == "--generated":
            generated = int(args[i + 1])
            i += 2
        elif args[i] == "--seed":
            seed = int(args[i + 1])
            i += 2
        else:
            dirs.append(args[i])
            i += 1
    if not dirs:
        sys.exit(__doc__)

    cases = []      # (name, folder, rules file, sql, context)
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, "*.sql"))):
            cases.append((path, d, rules_of(d), open(path).read(), context_of(d)))
    rnd = random.Random(seed)
    for k, d in enumerate(dirs):
        for i in range(generated if k == 0 else generated // 2):
            cases.append(("generated-%s-%d" % (os.path.basename(d), i), d, rules_of(d),
                          GENERATORS.get(os.path.basename(d), gen_query)(rnd), context_of(d)))

    server = Server()
    failed = passed = routed = compared_rows = 0
    # Per folder, its .sql cases apart from its generated queries:
    # [queries, routed, wrong answers].
    tally = {}

    def kind_of(name, d):
        return os.path.basename(d), "generated" if name.startswith("generated-") else "cases"

    for name, d, _, _, _ in cases:
        tally.setdefault(kind_of(name, d), [0, 0, 0])[0] += 1
    try:
        server.start()
        nrows = load_data(server, seed)
        stale = any(os.path.basename(os.path.abspath(d)) == "stale" for d in dirs)
        if stale:
            # Rows without a date: the aggregates' NULL group, which a
            # union must not need (U4).
            server.psql("main", "INSERT INTO sales.transactions SELECT NULL, NULL, region, "
                        "channel, status, amount, customer_id, product_id, store_id, quantity, "
                        "weight, price, tax FROM sales.transactions WHERE customer_id % 7 = 0")
            nrows = int(server.psql("main", "SELECT count(*) FROM sales.transactions")
                        .split("\n")[1])
        ltz_rules = set(rules_of(d) for d in dirs if os.path.basename(os.path.abspath(d)) == "ltz")
        for rules_path in sorted(set(rules_of(d) for d in dirs)):
            build_aggregates(server, binary, rules_path, half_refreshed=stale,
                             ltz=rules_path in ltz_rules)
        print("routing-proof: %d fact rows, %d queries" % (nrows, len(cases)))
        pairs, folders = [], []
        sides = []
        for name, d, rules_path, sql, context in cases:
            rc, out, err = sluice(binary, ["rewrite", "--rules", rules_path, "--now", NOW] + context,
                                  sql)
            if rc != 0 or "[aggregate-routing/routed]" not in err:
                continue
            routed += 1
            tally[kind_of(name, d)][1] += 1
            hours = zone_hours(json.loads(context[1])["time_zone"]) \
                if os.path.basename(os.path.abspath(d)) == "ltz" else 0
            count = split_counts(binary, rules_path, sql, err)
            if count:
                sides.append(to_postgres(binary, count, hours))
            pairs.append((name, to_postgres(binary, bind_parameters(sql, sql), hours),
                          to_postgres(binary, bind_parameters(sql, out), hours)))
            folders.append(d)
        rows, err = run_pairs(server, pairs)
        for (name, a, b), (ra, rb), d in zip(pairs, rows, folders):
            if not ra[0] or ra != rb:
                failed += 1
                tally[kind_of(name, d)][2] += 1
                print("FAIL %s\n  original: %s\n  routed:   %s" % (name, a, b))
                print("  original gave %s (%d rows), routed gave %s (%d rows)"
                      % (ra[0], len(ra[1]), rb[0], len(rb[1])))
            else:
                passed += 1
                compared_rows += len(ra[1])
        if err.strip():
            failed += 1
            print("FAIL: PostgreSQL reported errors:\n" + err.strip()[:2000])
        if sides:
            # How many unions had an empty branch (the fact's rows each
            # side of the split that the query's filters keep).
            out, err = server.script("main", "".join(
                "\\echo @@@\n%s;\n" % q for q in sides))
            counts = [l for l in out.split("\n") if l and not l.startswith("@@@") and l != "a\tb"]
            empty = [tuple(v in ("", "0") for v in l.split("\t")) for l in counts]
            print("routing-proof: %d unions: %d with the aggregate's branch empty, %d with the "
                  "fact's empty, %d with both" % (
                      len(empty), sum(1 for a, b in empty if a and not b),
                      sum(1 for a, b in empty if b and not a), sum(1 for a, b in empty if a and b)))
            if err.strip():
                print("split counts: " + err.strip()[:500])
    finally:
        server.stop()
    for (folder, kind), (n, r, w) in sorted(tally.items()):
        print("routing-proof: %s %s: %d of %d routed, %d wrong answers" % (folder, kind, r, n, w))
    share = 100.0 * routed / len(cases) if cases else 0
    print("routing-proof: %d of %d queries routed (%.0f%%), %d result rows compared; "
          "%d wrong answers" % (routed, len(cases), share, compared_rows, failed))
    print("routing-proof: %d passed, %d failed" % (passed, failed))
    # A run that routed nothing or compared no rows proves nothing.
    sys.exit(1 if failed or routed == 0 or compared_rows == 0 else 0)


if __name__ == "__main__":
    main()
