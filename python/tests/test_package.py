"""The package as installed from the wheel `make wheel` builds.

tests/python/venv.sh installs the wheel into a fresh virtualenv and runs
every test of this folder with that virtualenv's interpreter, the source
tree off the path, and SLUICE_TEST_WHEEL naming the wheel: these tests
check that what they import is the installed copy, that it loads the
libsluice.so it carries (with the libraries that links, from sluice/libs),
and what the wheel holds.  Run from the source tree (no SLUICE_TEST_WHEEL)
they are skipped."""
import importlib
import os
import subprocess
import sys
import sysconfig
import unittest
import zipfile

import sluice

WHEEL = os.environ.get("SLUICE_TEST_WHEEL")
HERE = os.path.dirname(os.path.abspath(__file__))


@unittest.skipUnless(WHEEL, "not run from the installed wheel (tests/python/venv.sh)")
class Installed(unittest.TestCase):
    def test_imports_the_installed_package(self):
        package = os.path.dirname(os.path.abspath(sluice.__file__))
        site = os.path.realpath(sysconfig.get_paths()["platlib"])
        self.assertEqual(os.path.realpath(package), os.path.join(site, "sluice"))
        self.assertNotEqual(sys.prefix, sys.base_prefix)       # a virtualenv
        superset = importlib.import_module("sluice.superset")
        self.assertEqual(os.path.dirname(os.path.abspath(superset.__file__)), package)

    def test_loads_the_library_it_carries(self):
        package = os.path.dirname(os.path.abspath(sluice.__file__))
        self.assertNotIn("SLUICE_LIBRARY", os.environ)
        self.assertEqual(os.path.realpath(sluice.library_path()),
                         os.path.realpath(os.path.join(package, "libsluice.so")))
        self.assertEqual(sluice.version(), "0.2.0")
        # libsluice.so's own dependencies come from the package too.
        names = ("libjansson.so.4", "libpcre2-8.so.0", "libpg_query.so.1504.0")
        with open("/proc/self/maps") as f:
            mapped = {line.split()[-1] for line in f if line.rstrip().endswith(names)}
        self.assertEqual(sorted(mapped), [os.path.join(package, "libs", n) for n in names])

    def test_wheel_contents(self):
        self.assertEqual(os.path.basename(WHEEL), "sluice-0.2.0-py3-none-linux_x86_64.whl")
        with zipfile.ZipFile(WHEEL) as whl:
            names = sorted(whl.namelist())
            wheel_meta = whl.read("sluice-0.2.0.dist-info/WHEEL").decode()
        self.assertEqual([n for n in names if not n.startswith("sluice-0.2.0.dist-info/")],
                         ["sluice/__init__.py", "sluice/libs/libjansson.so.4",
                          "sluice/libs/libpcre2-8.so.0", "sluice/libs/libpg_query.so.1504.0",
                          "sluice/libsluice.so", "sluice/py.typed", "sluice/superset.py"])
        self.assertIn("Root-Is-Purelib: false\n", wheel_meta)
        self.assertIn("Tag: py3-none-linux_x86_64\n", wheel_meta)

    def test_library_needs_nothing_else(self):
        """ldd finds every library libsluice.so needs once its dependencies
        are the package's: none is missing from the wheel."""
        package = os.path.dirname(os.path.abspath(sluice.__file__))
        env = dict(os.environ, LD_LIBRARY_PATH=os.path.join(package, "libs"))
        out = subprocess.run(["ldd", os.path.join(package, "libsluice.so")], env=env,
                             capture_output=True, text=True, check=True).stdout
        self.assertNotIn("not found", out)
        for name in ("libjansson.so.4", "libpcre2-8.so.0", "libpg_query.so.1504.0"):
            self.assertIn(os.path.join(package, "libs", name), out)


if __name__ == "__main__":
    unittest.main()
