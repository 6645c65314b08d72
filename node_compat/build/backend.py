"""The in-tree PEP 517 build backend: setuptools', after vendoring npm packages.

`pip install .`, `pip install -e .` and sdist builds all run
`vendor.vendor_all()` first, so the JavaScript the package bundles is in
place before setuptools collects the package data. Every other hook is
setuptools' own.
"""

from __future__ import annotations

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (  # noqa: F401  (re-exported hooks, unchanged)
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    get_requires_for_build_wheel,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

from . import vendor


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    vendor.vendor_all()
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    vendor.vendor_all()
    return _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory, config_settings=None):
    vendor.vendor_all()
    return _setuptools.build_sdist(sdist_directory, config_settings)
