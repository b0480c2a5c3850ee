# SPDX-License-Identifier: Apache-2.0
"""Builds the extension module claimgraph._claimgraph with the project's CMake build.

pip runs this through pyproject.toml, in one of two ways:

- `pip install .` with network access: pip installs the build requirements (setuptools,
  wheel, pybind11) into an isolated environment for whichever Python runs it, and the
  pybind11 found there is handed to CMake (pybind11_DIR).
- `pip install --no-build-isolation .` offline: everything comes from the interpreter's
  own packages, as Debian's /usr/bin/python3 has them (python3-wheel, python3-pybind11,
  python3-dev) or from a system pybind11 CMake config (pybind11-dev).

Either way the C++ build needs what scripts/setup.sh installs (cmake, a C++17 compiler,
Boost.Graph, ICU, re2, RapidJSON) and downloads nothing. Before it builds, this script checks
for the tools it needs and, when one is missing, stops with a message that names it, the
interpreter, and what to do. CMAKE_BUILD_PARALLEL_LEVEL sets the build's jobs.
"""

import importlib.util
import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig

import setuptools
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent

# The setup.py commands that build a wheel: setuptools before 70.1 needs the `wheel`
# package for them (without it: "invalid command 'bdist_wheel'").
WHEEL_COMMANDS = ("bdist_wheel", "editable_wheel")


def _importable(module):
    """Whether `module` can be imported (a dotted name whose parent is missing cannot)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def pybind11_cmake_dir():
    """The CMake config directory of the pybind11 Python package, or None without one."""
    try:
        import pybind11

        return pybind11.get_cmake_dir()  # raises ImportError when the package has no CMake files
    except (ImportError, AttributeError):  # AttributeError: pybind11 before 2.6
        return None


def _system_pybind11():
    """Whether CMake will find a pybind11 config outside Python: pybind11-dev's, or one where
    the environment's pybind11_DIR, pybind11_ROOT or CMAKE_PREFIX_PATH point."""
    places = [os.environ.get("pybind11_DIR"), os.environ.get("pybind11_ROOT")]
    places += os.environ.get("CMAKE_PREFIX_PATH", "").split(os.pathsep)
    places += ["/usr", "/usr/local"]
    for place in filter(None, places):
        prefix = pathlib.Path(place)
        directories = [prefix]
        for pattern in ("lib/cmake/pybind11", "lib/*/cmake/pybind11", "lib64/cmake/pybind11",
                        "share/cmake/pybind11"):
            directories += prefix.glob(pattern)
        for directory in directories:
            if (directory / "pybind11Config.cmake").is_file() or (directory / "pybind11-config.cmake").is_file():
                return True
    return False


def _is_debian_python():
    """Whether this is Debian's Python (or a virtual environment made from it)."""
    return os.path.realpath(sys.base_prefix) == "/usr"


def missing_build_tools(wheel):
    """What the build needs and this interpreter lacks, each with its own remedy; `wheel`
    when the build makes a wheel."""
    missing = []
    if wheel and not (_importable("setuptools.command.bdist_wheel") or _importable("wheel.bdist_wheel")):
        missing.append(f"the `wheel` package: setuptools {setuptools.__version__} cannot build a wheel "
                       "without it (the cause of \"invalid command 'bdist_wheel'\")")
    if pybind11_cmake_dir() is None and not _system_pybind11():
        missing.append("pybind11: this interpreter cannot import it, and no pybind11 CMake config "
                       "(pybind11Config.cmake, from pybind11-dev) was found")
    if not shutil.which("cmake"):
        missing.append("cmake: not on PATH (apt-get install cmake)")
    include = sysconfig.get_paths()["include"]
    if not (pathlib.Path(include) / "Python.h").is_file():
        fix = "apt-get install python3-dev" if _is_debian_python() else "install this Python's development files"
        missing.append(f"Python's C headers: no Python.h in {include} ({fix})")
    return missing


def require_build_tools(wheel):
    """Stops the build, with a message that says what to do, when a build tool is missing."""
    missing = missing_build_tools(wheel)
    if not missing:
        return
    version = ".".join(map(str, sys.version_info[:3]))
    lines = [f"error: claimgraph cannot be built with {sys.executable} (Python {version}); missing:"]
    lines += [f"  - {m}" for m in missing]
    if not _is_debian_python() and os.path.exists("/usr/bin/python3"):
        lines.append("This is not Debian's Python: Debian's python3-* packages do not serve it.")
    lines += [
        "To build it, either:",
        "  - with network access, let pip install the build requirements (setuptools, wheel,",
        "    pybind11; see pyproject.toml) for this interpreter, without --no-build-isolation:",
        f"      {sys.executable} -m pip install .",
        "  - offline, use Debian's Python, /usr/bin/python3, with its packages:",
        "      apt-get install python3-pybind11 python3-dev python3-wheel",
        "      /usr/bin/python3 -m venv --system-site-packages .venv",
        "      .venv/bin/pip install --no-build-isolation .",
        "scripts/setup.sh installs those packages and the C++ build dependencies (cmake, a C++17",
        "compiler, Boost.Graph, ICU, re2, RapidJSON) on Debian.",
    ]
    raise SystemExit("\n".join(lines))


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def run(self):
        require_build_tools(wheel=False)
        super().run()

    def build_extension(self, ext):
        target = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve()
        build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            "-DCMAKE_BUILD_TYPE=Release",
            "-DCLAIMGRAPH_BUILD_PYTHON=ON",
            "-DCLAIMGRAPH_BUILD_TESTS=OFF",
            "-DCLAIMGRAPH_BUILD_EXAMPLES=OFF",
            "-DCLAIMGRAPH_INSTALL=OFF",
            f"-DPython_EXECUTABLE={sys.executable}",
        ]
        # The pybind11 this interpreter imports (the one pip installed for an isolated build,
        # or Debian's python3-pybind11); without one, CMake looks for a system pybind11.
        cmake_dir = pybind11_cmake_dir()
        if cmake_dir:
            configure.append(f"-Dpybind11_DIR={cmake_dir}")
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 1)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "claimgraph_python", "-j", jobs],
                       check=True)
        built = sorted((build_dir / "python" / "claimgraph").glob("_claimgraph*.so"))
        if len(built) != 1:
            raise RuntimeError(f"expected one _claimgraph module in {build_dir}, found {built}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


# A wheel build fails inside setup() when setuptools cannot make wheels, before any
# command runs: check first, so that the message says why.
if any(command in sys.argv[1:] for command in WHEEL_COMMANDS):
    require_build_tools(wheel=True)

setup(
    ext_modules=[CMakeExtension("claimgraph._claimgraph")],
    cmdclass={"build_ext": CMakeBuild},
    # Keep setuptools' scratch space out of build/, the CMake build tree.
    options={"build": {"build_base": "build-pip"}},
)
