from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from warrantwatch.records.knowledge import KnowledgeBase, bundled
from warrantwatch.records.load import default_data_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return bundled()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the real data, for tests that break it on purpose."""
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    return target


def load_script(name: str) -> ModuleType:
    """A module of `scripts/` (not a package), loaded from its file: `load_script("held_out_history")`."""
    path = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # (dataclasses look their module up while the file runs)
    spec.loader.exec_module(module)
    return module


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture(autouse=True, scope="session")
def _briefs_in_a_temporary_folder(tmp_path_factory):
    """Briefs made by the API's tests are kept in a folder of the test run, not the user's cache."""
    import os

    os.environ["WARRANTWATCH_BRIEFS"] = str(tmp_path_factory.mktemp("briefs"))
