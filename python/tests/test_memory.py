"""Memory stays flat: an inline filter runs for weeks.

One engine answers 1,000,000 requests (pass, rewrite, reject and routed
queries in turn); the resident set after them is within 1 MiB of the
resident set after the first 10,000.  SLUICE_MEMORY_CALLS changes the
count (the test and CI use the full million)."""
import os
import unittest

import sluice

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
QUERIES = [
    "SELECT product_id FROM sales.products WHERE category = 'toys' LIMIT 10",
    "SELECT product_id FROM sales.products",
    "SELECT * FROM sales.transactions",
    "SELECT region, sum(amount) AS revenue FROM main.sales.transactions "
    "WHERE transaction_date >= DATE '2026-11-01' GROUP BY region",
    "SELECT `broken FROM x",
]


def resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class Memory(unittest.TestCase):
    def test_flat_over_a_million_calls(self):
        total = int(os.environ.get("SLUICE_MEMORY_CALLS", "1000000"))
        engine = sluice.Engine.from_file(os.path.join(ROOT, "rules", "example.json"))
        n = len(QUERIES)
        for i in range(10000):
            engine.process(QUERIES[i % n], now="2026-11-24 12:00:00")
        after_warmup = resident_bytes()
        for i in range(total - 10000):
            engine.process(QUERIES[i % n], now="2026-11-24 12:00:00")
        grown = resident_bytes() - after_warmup
        print("memory: resident set grew by %d bytes over %d calls after a %d-call warm-up"
              % (grown, total - 10000, 10000))
        self.assertLessEqual(grown, 1 << 20)


if __name__ == "__main__":
    unittest.main()
