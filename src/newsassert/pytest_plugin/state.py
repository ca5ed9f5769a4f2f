"""What one pytest run knows: its settings, its corpora, its baseline and its results.

Every newsassert item settles its result here (:meth:`RunState.settle`): a
verdict that holds passes; a failure the baseline accepts, or one being
recorded with ``--newsassert-update-baseline``, is reported as xfail; any
other failure fails with the evidence. The results go to the process that
writes files at the end: the pytest process itself, or under pytest-xdist the
controller, to which each worker sends its results when it finishes
(``workeroutput``, the channel pytest-cov uses too). Only that process writes
the baseline and the report, so they are written once, whole.
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from newsassert.check.baseline import (
    Baseline,
    BaselineComparison,
    compare_baseline,
    load_baseline,
    updated,
    write_baseline,
)
from newsassert.check.verdict import CheckResult
from newsassert.errors import ConfigError, NewsAssertError
from newsassert.pytest_plugin.options import SETTINGS, STATE, Settings, corpus_root

if TYPE_CHECKING:
    from newsassert.corpus import Corpus

__all__ = ["CONFIGURE", "STATE", "CheckFailed", "RunState", "has_state", "load_state", "state_of"]

# The key under which a worker sends its results to the xdist controller.
WORKER_KEY = "newsassert"

# How to configure a corpus, for the messages that need one.
CONFIGURE = (
    'pass --newsassert-corpus PATH, or set newsassert_corpus = "PATH" '
    "under [tool.pytest.ini_options] in pyproject.toml"
)
NO_CORPUS = f"no corpus configured: {CONFIGURE}"


class CheckFailed(Exception):
    """A newsassert item's check does not hold (and the baseline does not accept it)."""

    def __init__(
        self,
        result: CheckResult,
        new: tuple[str, ...] = (),
        *,
        baseline: bool = False,
        accepted: int = 0,
    ) -> None:
        super().__init__(result.verdict.summary)
        self.result = result
        self.new = new
        # With a baseline in use, the failure is marked NEW (the baseline accepted
        # none of it, or ``accepted`` of its failures).
        self.baseline = baseline
        self.accepted = accepted

    def render(self) -> str:
        """The evidence table, as a bare ``assert verdict`` shows it, then where the check is.

        Its first line is the verdict's summary, which pytest's short summary
        (``-ra``) repeats.
        """
        result = self.result
        table = str(result.verdict)
        if self.baseline:
            count = f" ({len(self.new)} new, {self.accepted} accepted)" if self.accepted else ""
            table = f"NEW{count}: {table}"
        lines = [table, ""]
        if result.location is not None and result.location[1]:
            lines.append(f"check {result.name!r} at {result.location[0]}:{result.location[1]}")
        if self.new:
            lines.append("not accepted by the baseline:")
            lines.extend(f"  {key}" for key in self.new)
        return "\n".join(lines).rstrip()


@attrs.define
class RunState:
    """The newsassert side of one pytest run (stored on ``config.stash``)."""

    config: pytest.Config
    settings: Settings
    baseline: Baseline = attrs.field(factory=Baseline)
    # (position in the run's items, result) for each item this process ran.
    results: list[tuple[int, CheckResult]] = attrs.field(factory=list)
    # Results sent by xdist workers (the controller's view of the run).
    from_workers: list[tuple[int, CheckResult]] = attrs.field(factory=list)
    selected: int = 0
    partial: bool = False
    workers_selected: int | None = None
    summary: list[str] = attrs.field(factory=list)
    # Plugins this run disabled, enabled again when it ends (the manager is per process).
    disabled: tuple[str, ...] = ()
    _corpora: dict[str, Corpus | NewsAssertError] = attrs.field(factory=dict)
    _files: dict[Path, tuple[str, ...]] | None = None

    def close(self) -> None:
        from newsassert import plugins

        if self.disabled:
            plugins.enable(*self.disabled)

    # -- corpora ------------------------------------------------------------

    def corpus(self, path: str | Path | None = None) -> Corpus:
        """The corpus at ``path`` (the configured one by default), loaded once per run."""
        import newsassert

        if path is None:
            if self.settings.corpus is None:
                raise ConfigError(NO_CORPUS)
            path = self.settings.corpus
        key = str(path)
        if key not in self._corpora:
            try:
                self._corpora[key] = newsassert.load(
                    key, aliases=self.settings.aliases, cache=self.settings.cache
                )
            except NewsAssertError as error:
                self._corpora[key] = error
        loaded = self._corpora[key]
        if isinstance(loaded, NewsAssertError):
            raise loaded
        return loaded

    def prepare_for_workers(self, workers: int) -> None:
        """Fill the cache with the configured corpus, on ``workers`` processes (pytest-xdist).

        Each worker loads the corpus for itself; with the cache filled it
        reads the articles back and decodes only the claims of the items it
        runs, instead of every worker extracting every article. Without the
        cache, or with no corpus, there is nothing to share.
        """
        if not self.settings.cache or self.settings.corpus is None:
            return
        import newsassert

        # Not kept: the controller runs no item (the report reloads it from the
        # cache). A broken corpus is reported by each worker's collection, as
        # without this.
        with contextlib.suppress(NewsAssertError):
            newsassert.load(
                str(self.settings.corpus),
                aliases=self.settings.aliases,
                cache=True,
                jobs=workers,
            )

    @property
    def corpus_root(self) -> Path | None:
        """The folder the configured corpus is in (the glob's fixed part for a glob)."""
        return corpus_root(self.settings)

    def corpus_files(self) -> dict[Path, tuple[str, ...]]:
        """Each file of the configured corpus, in corpus order, with its articles' ids."""
        if self._files is None:
            files: dict[Path, list[str]] = {}
            for article in self.corpus():
                if article.path is not None:
                    files.setdefault(Path(article.path).resolve(), []).append(article.id)
            self._files = {path: tuple(ids) for path, ids in files.items()}
        return self._files

    def is_corpus_file(self, path: Path) -> bool:
        """Whether ``path`` holds articles of the configured corpus."""
        root = self.corpus_root
        if root is None or (path != root and root not in path.parents):
            return False
        try:
            return path.resolve() in self.corpus_files()
        except NewsAssertError:
            # The corpus itself is broken: its own collector reports that, once.
            return False

    # -- results ------------------------------------------------------------

    def settle(self, item: pytest.Item, result: CheckResult) -> None:
        """Record an item's result and pass, xfail or fail it."""
        position = getattr(item, "position", 0)
        failures = result.verdict.failures
        if result.verdict.holds:
            self.results.append((position, result))
            return
        if self.settings.update_baseline:
            self.results.append((position, result))
            pytest.xfail(
                f"newsassert: {len(failures)} failure(s) recorded in the baseline "
                f"{self._baseline_name}"
            )
        if self.baseline.accepts(result.name, failures):
            self.results.append((position, attrs.evolve(result, status="baselined")))
            pytest.xfail(
                f"ACCEPTED: {len(failures)} failure(s) accepted by the baseline "
                f"{self._baseline_name}"
            )
        self.results.append((position, result))
        new = self.baseline.new_failures(result.name, failures)
        accepted = len(failures) - len(new)
        raise CheckFailed(
            result,
            # Its new failures are listed when the baseline knows the check at all.
            new if self.baseline.accepted(result.name) else (),
            baseline=self.settings.baseline is not None,
            accepted=accepted,
        )

    def record_error(self, item: pytest.Item, result: CheckResult) -> None:
        self.results.append((getattr(item, "position", 0), result))

    @property
    def _baseline_name(self) -> str:
        return self.settings.baseline.name if self.settings.baseline else ""

    def worker_output(self) -> bytes:
        """This worker's results, for the controller."""
        return pickle.dumps((self.selected, self.partial, self.results))

    def add_worker_output(self, data: Any) -> None:
        """Take a worker's results (the controller's side of :meth:`worker_output`)."""
        if not isinstance(data, bytes):
            return
        selected, partial, results = pickle.loads(data)
        # Every worker collects the same items; one count stands for all.
        self.workers_selected = selected
        self.partial = self.partial or partial
        self.from_workers.extend(results)

    def all_results(self) -> list[CheckResult]:
        """Every result of the run, in collection order."""
        merged = self.results + self.from_workers
        return [result for _, result in sorted(merged, key=lambda pair: pair[0])]

    # -- the end of the run -------------------------------------------------

    def finish(self, session: pytest.Session) -> None:
        """Write the baseline and the report (in the process that sees every result)."""
        results = self.all_results()
        selected = self.workers_selected if self.workers_selected is not None else self.selected
        # Paths on the command line, -k, -m, --lf or -x may leave checks out; only a
        # run of everything may drop baseline entries of checks that did not run.
        complete = (
            not self.partial
            and session.config.args_source != pytest.Config.ArgsSource.ARGS
            and not session.config.getoption("lf", False)
            and not session.config.getoption("stepwise", False)
            and len(results) == selected
            and not session.shouldstop
            # A check that could not run says nothing about its accepted failures.
            and not any(r.status == "error" for r in results)
        )
        failures = {r.name: r.verdict.failures for r in results if r.status != "error"}
        path = self.settings.baseline
        comparison = None
        if path is not None and self.settings.update_baseline:
            baseline = updated(self.baseline, failures, complete=complete)
            write_baseline(path, baseline)
            count = sum(len(keys) for keys in baseline.entries.values())
            self.summary.append(
                f"baseline written to {path.name}: {count} failure(s) of "
                f"{len(baseline.entries)} check(s)"
                + ("" if complete else " (entries of checks that did not run kept)")
            )
        elif path is not None:
            comparison = compare_baseline(self.baseline, failures, complete=complete)
            if comparison.stale:
                stale = sum(len(keys) for keys in comparison.stale.values())
                self.summary.append(
                    f"{stale} stale baseline entr{'y' if stale == 1 else 'ies'} in {path.name} "
                    "(accepted failures that no longer happen; "
                    "--newsassert-update-baseline drops them):"
                )
                for name, keys in comparison.stale.items():
                    self.summary.extend(f"  {name}: {key}" for key in keys)
        if self.settings.report is not None:
            self._write_report(results, comparison)

    def _write_report(
        self, results: Iterable[CheckResult], comparison: BaselineComparison | None
    ) -> None:
        from newsassert.report import write_report

        assert self.settings.report is not None
        corpus = None
        if self.settings.corpus is not None:
            try:
                corpus = self.corpus()
            except NewsAssertError:
                corpus = None
        write_report(list(results), corpus, self.settings.report, baseline=comparison)
        self.summary.append(f"report written to {self.settings.report}")


def state_of(config: pytest.Config) -> RunState:
    """The run's state, made on first use: a run that never needs newsassert never pays for it."""
    state: RunState | None = config.stash.get(STATE, None)
    if state is None:
        state = config.stash[STATE] = load_state(config, config.stash[SETTINGS])
    return state


def has_state(config: pytest.Config) -> bool:
    return config.stash.get(STATE, None) is not None


def load_state(config: pytest.Config, settings: Settings) -> RunState:
    """The state of a run: plugins disabled, baseline read, or a usage error saying why not."""
    from newsassert import plugins

    baseline = Baseline()
    if settings.baseline is not None:
        try:
            baseline = load_baseline(settings.baseline)
        except NewsAssertError as error:
            raise pytest.UsageError(f"newsassert: {error}") from None
    newly = tuple(n for n in settings.disable if n not in plugins.disabled())
    try:
        plugins.disable(*settings.disable)
    except NewsAssertError as error:
        raise pytest.UsageError(f"newsassert: --newsassert-disable: {error}") from None
    return RunState(config=config, settings=settings, baseline=baseline, disabled=newly)
