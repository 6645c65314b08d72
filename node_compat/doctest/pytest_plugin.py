"""pytest plugin: `pytest --node-doc FILE [--node-doc-against PATH]` makes each doc example a test.

Each variant of each example of the doc becomes one test item; skipped
examples are reported as skipped with the runner's reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .runner import DocRunner, VariantResult
from .extract import parse_doc
from . import fragments


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("pynode doc conformance")
    group.addoption("--node-doc", action="append", default=[], metavar="FILE",
                    help="run every example of this Node API doc as a test (repeatable)")
    group.addoption("--node-doc-against", default=None, metavar="PATH",
                    help="also run each example under this node binary and compare")
    group.addoption("--node-doc-budget", type=float, default=3.0, metavar="SECONDS",
                    help="how long each example may run before it is stopped")


class DocItem(pytest.Item):
    def __init__(self, *, runner: DocRunner, example, variant, examples, module, **kwargs) -> None:
        super().__init__(**kwargs)
        self.runner = runner
        self.example = example
        self.variant = variant
        self.examples = examples
        self.module = module

    def runtest(self) -> None:
        result: VariantResult = self.runner.run_variant(self.example, self.variant, self.examples, self.module)
        if result.status == "skip":
            pytest.skip(result.reason)
        failed = [c for c in result.checks if not c.ok]
        if failed:
            raise AssertionError("; ".join(f"{c.name}: {c.detail}" for c in failed))

    def reportinfo(self):
        return self.path, self.variant.doc_line, f"example {self.example.number} [{self.variant.lang}]"


class DocFile(pytest.File):
    def collect(self):
        config = self.config
        runner = DocRunner([sys.executable, "-m", "node_compat"], config.getoption("--node-doc-against"),
                           config.getoption("--node-doc-budget"))
        examples = parse_doc(str(self.path))
        module = fragments.doc_module(str(self.path), [v.code for e in examples for v in e.variants])
        for example in examples:
            for variant in example.variants:
                name = f"example{example.number}-{variant.lang}-line{variant.doc_line}"
                yield DocItem.from_parent(self, name=name, runner=runner, example=example, variant=variant,
                                          examples=examples, module=module)


def pytest_configure(config: pytest.Config) -> None:
    docs = config.getoption("--node-doc", default=[])
    config._pynode_docs = {str(Path(d).resolve()) for d in docs}
    if docs:
        if config.args_source == pytest.Config.ArgsSource.ARGS:
            config.args[:] = list(dict.fromkeys(list(config.args) + docs))
        else:
            config.args[:] = list(docs)


def pytest_collect_file(file_path, parent):
    if str(file_path.resolve()) in getattr(parent.config, "_pynode_docs", ()):
        return DocFile.from_parent(parent, path=file_path)
    return None
