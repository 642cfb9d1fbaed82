"""python/ is an installable package: setuptools and wheel (Debian's
python3-setuptools and python3-wheel, no download) build a wheel holding
the binding, the mutator and the py.typed marker, and the wheel's copy
imports.  The wheel is built by the first of this interpreter and Debian's
/usr/bin/python3 that has both."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.path.dirname(HERE)


def builder():
    for python in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(python) and subprocess.run(
                [python, "-c", "import setuptools.build_meta, wheel"],
                capture_output=True).returncode == 0:
            return python
    return None


class Package(unittest.TestCase):
    @unittest.skipUnless(builder(), "no interpreter with setuptools and wheel")
    def test_wheel(self):
        work = tempfile.mkdtemp()
        try:
            src = os.path.join(work, "src")
            shutil.copytree(PYTHON, src, ignore=shutil.ignore_patterns("tests", "bench",
                                                                       "__pycache__"))
            out = os.path.join(work, "dist")
            code = ("import sys; from setuptools import build_meta; "
                    "print(build_meta.build_wheel(sys.argv[1]))")
            name = subprocess.run([builder(), "-c", code, out], cwd=src, check=True,
                                  capture_output=True, text=True).stdout.strip().splitlines()[-1]
            self.assertEqual(name, "sluice-0.2.0-py3-none-any.whl")
            with zipfile.ZipFile(os.path.join(out, name)) as whl:
                files = sorted(n for n in whl.namelist() if not n.startswith("sluice-0.2.0.dist-info"))
                self.assertEqual(files, ["sluice/__init__.py", "sluice/py.typed",
                                         "sluice/superset.py"])
                site = os.path.join(work, "site")
                whl.extractall(site)
            probe = ("import sluice, sluice.superset; print(sluice.__file__); "
                     "print(sluice.Action.REJECT)")
            env = dict(os.environ, PYTHONPATH=site)
            lines = subprocess.run([sys.executable, "-c", probe], env=env, check=True,
                                   capture_output=True, text=True).stdout.splitlines()
            self.assertEqual(lines, [os.path.join(site, "sluice", "__init__.py"), "reject"])
        finally:
            shutil.rmtree(work)


if __name__ == "__main__":
    unittest.main()
