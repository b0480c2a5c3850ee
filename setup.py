# SPDX-License-Identifier: Apache-2.0
"""Builds the extension module claimgraph._claimgraph with the project's CMake build.

pip runs this through pyproject.toml: `pip install --no-build-isolation .`. It needs what
scripts/setup.sh installs (cmake, a C++17 compiler, Boost.Graph, ICU, re2, RapidJSON,
pybind11) and downloads nothing. CMAKE_BUILD_PARALLEL_LEVEL sets the build's jobs.
"""

import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
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


setup(
    ext_modules=[CMakeExtension("claimgraph._claimgraph")],
    cmdclass={"build_ext": CMakeBuild},
    # Keep setuptools' scratch space out of build/, the CMake build tree.
    options={"build": {"build_base": "build-pip"}},
)
