"""The wheel's platform tag.  pyproject.toml holds the package's metadata;
this file only says that a wheel carrying libsluice.so (scripts/wheel.sh
copies it into sluice/ before building) is for this platform and any
Python 3 (the binding is ctypes, not an extension module):
py3-none-linux_x86_64.  A wheel built from the source tree alone stays
py3-none-any and needs the library installed (cmake --install) or named by
SLUICE_LIBRARY."""
import os

from setuptools import Distribution, setup

HERE = os.path.dirname(os.path.abspath(__file__))
options = {}
if os.path.exists(os.path.join(HERE, "sluice", "libsluice.so")):
    from wheel.bdist_wheel import bdist_wheel

    class BinaryDistribution(Distribution):
        def has_ext_modules(self):
            return True

    class PlatformWheel(bdist_wheel):
        def get_tag(self):
            return ("py3", "none", super().get_tag()[2])

    options = {"distclass": BinaryDistribution, "cmdclass": {"bdist_wheel": PlatformWheel}}

setup(**options)
