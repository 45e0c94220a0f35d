"""Building plugin managers and calling hooks so that one broken plugin never takes the run down.

Nothing is discovered at ``import newsdiff``.  :func:`get_plugin_manager` builds a fresh manager: the
builtin plugins first, then the entry points of group ``newsdiff`` (sorted by name, so the order is the
same on every machine).  The library builds its default manager on first use (:func:`default_manager`).

Environment variables:

``NEWSDIFF_DISABLE_PLUGINS``  when set to anything but ``""``/``0``, third-party plugins are not loaded.
``NEWSDIFF_BLOCK``            comma-separated plugin names (builtin or not) not to register.
``NEWSDIFF_STRICT_PLUGINS``   when set, a plugin that fails to load raises instead of being skipped.
``NEWSDIFF_HOOK_TIMEOUT``     seconds one plugin's hook call may take before it is recorded as failed.

A plugin is held to the hook contract at run time as well as at load time: what a hook returns is checked
against the type its specification names before anything else reads it (:func:`check_result`), a plugin
that raises -- ``SystemExit`` included -- is recorded and skipped, and hooks receive read-only values.
"""

from __future__ import annotations

import importlib
import os
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import metadata as importlib_metadata
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .errors import PluginLoadError
from .models import Article, Claim, Comparison, Evidence, Finding, Metadata, Problem, Quote, QuoteCluster, Removed

GROUP = "newsdiff"

#: The builtin plugins, registered in this order under these names.  Each is an ordinary plugin module;
#: pyproject.toml declares the same names as entry points of group ``newsdiff``.
DEFAULT_PLUGINS: tuple[tuple[str, str], ...] = (
    ("load.text", "newsdiff.loading.text"),
    ("load.json", "newsdiff.loading.jsonfile"),
    ("clean.metadata", "newsdiff.cleaning.metadata"),
    ("clean.furniture", "newsdiff.cleaning.furniture"),
    ("extract.quotes", "newsdiff.extracting.quotes"),
    ("extract.claims", "newsdiff.extracting.claims"),
    ("compare.quotes", "newsdiff.comparing.quotes"),
    ("compare.claims", "newsdiff.comparing.claims"),
    ("compare.coverage", "newsdiff.comparing.coverage"),
    ("compare.passages", "newsdiff.comparing.passages"),
    ("compare.framing", "newsdiff.comparing.framing"),
    ("render.text", "newsdiff.rendering.text"),
    ("render.json", "newsdiff.rendering.json"),
    ("render.markdown", "newsdiff.rendering.markdown"),
    ("render.html", "newsdiff.rendering.html"),
)
BUILTIN_NAMES = frozenset(name for name, _ in DEFAULT_PLUGINS)


@attrs.frozen
class LoadFailure:
    """A plugin that could not be loaded."""

    name: str
    message: str
    traceback: str = attrs.field(repr=False, default="")


@attrs.frozen
class PluginInfo:
    """What ``newsdiff plugins`` shows about one registered plugin."""

    name: str
    builtin: bool
    version: str | None
    distribution: str | None
    hooks: tuple[str, ...]


class PluginManager(pluggy.PluginManager):
    """A pluggy manager that also remembers which plugins failed to load and where each came from."""

    def __init__(self, *, hook_timeout: float | None = None) -> None:
        super().__init__(hookspecs.PROJECT)
        self.add_hookspecs(hookspecs)
        self.load_failures: list[LoadFailure] = []
        self._dists: dict[str, tuple[str, str]] = {}
        #: Seconds one plugin's hook call may take; None for no limit.
        self.hook_timeout = hook_timeout

    def info(self) -> list[PluginInfo]:
        """The registered plugins in registration order."""
        out = []
        for name, plugin in self.list_name_plugin():
            if plugin is None:  # blocked
                continue
            hooks = sorted(impl.name for impl in self.get_hookcallers(plugin) or ())
            dist = self._dists.get(name)
            builtin = name in BUILTIN_NAMES
            version = dist[1] if dist else (_own_version() if builtin else None)
            out.append(PluginInfo(name, builtin, version, dist[0] if dist else ("newsdiff" if builtin else None), tuple(hooks)))
        return out


def _own_version() -> str | None:
    from ._version import __version__

    return __version__


def _truthy(value: str | None) -> bool:
    return value is not None and value.strip().lower() not in ("", "0", "false", "no", "off")


def _seconds(value: str | None) -> float | None:
    """A positive number of seconds from an environment variable, or None (unset, empty, 0 or not a number)."""
    try:
        seconds = float(value) if value else 0.0
    except ValueError:
        return None
    return seconds if seconds > 0 else None


def get_plugin_manager(
    *,
    block: Iterable[str] = (),
    third_party: bool | None = None,
    strict: bool | None = None,
    plugins: Iterable[Any] = (),
    hook_timeout: float | None = None,
) -> PluginManager:
    """Build a fresh plugin manager.

    :param block: plugin names not to register (builtin names such as ``"extract.quotes"`` too).
        ``NEWSDIFF_BLOCK`` adds to them.
    :param third_party: load entry points of group ``newsdiff``; by default yes, unless
        ``NEWSDIFF_DISABLE_PLUGINS`` is set.
    :param strict: re-raise a plugin's load failure as :class:`PluginLoadError`; by default only when
        ``NEWSDIFF_STRICT_PLUGINS`` is set.
    :param plugins: extra plugin objects (modules or instances) to register after the others.
    :param hook_timeout: seconds one plugin's hook call may take before it is abandoned and recorded as
        that plugin's failure; by default ``NEWSDIFF_HOOK_TIMEOUT``, else no limit.
    """
    if hook_timeout is None:
        hook_timeout = _seconds(os.environ.get("NEWSDIFF_HOOK_TIMEOUT"))
    pm = PluginManager(hook_timeout=hook_timeout)
    blocked = {b.strip() for b in block if b.strip()}
    blocked |= {b.strip() for b in os.environ.get("NEWSDIFF_BLOCK", "").split(",") if b.strip()}
    for name in sorted(blocked):
        pm.set_blocked(name)
    if third_party is None:
        third_party = not _truthy(os.environ.get("NEWSDIFF_DISABLE_PLUGINS"))
    if strict is None:
        strict = _truthy(os.environ.get("NEWSDIFF_STRICT_PLUGINS"))

    for name, module_name in DEFAULT_PLUGINS:
        if pm.is_blocked(name):
            continue
        pm.register(importlib.import_module(module_name), name=name)

    if third_party:
        for entry_point in _entry_points():
            name = entry_point.name
            dist = getattr(entry_point, "dist", None)
            dist_name = dist.metadata["Name"] if dist is not None else None
            if name in BUILTIN_NAMES and (dist_name or "").lower() == "newsdiff":
                continue  # registered above
            if pm.is_blocked(name) or pm.has_plugin(name):
                continue
            sigints = _sigint_count()
            try:
                plugin = entry_point.load()
                pm.register(plugin, name=name)
            except BaseException as exc:  # noqa: BLE001 - any failure of a plugin's import is reported
                if _is_real_interrupt(exc, sigints):
                    raise
                message = _describe(exc)
                if strict:
                    raise PluginLoadError(f"plugin {name!r} failed to load: {message}") from exc
                pm.load_failures.append(LoadFailure(name, message, traceback.format_exc()))
                continue
            if dist is not None:
                pm._dists[name] = (dist_name or "?", dist.version)

    for plugin in plugins:
        pm.register(plugin, name=_plugin_name(plugin, pm))
    return pm


def _plugin_name(plugin: Any, pm: pluggy.PluginManager) -> str:
    """A readable name for a plugin registered without one: its module's or class's name."""
    base = getattr(plugin, "__name__", None) or type(plugin).__name__
    name, n = base, 1
    while pm.has_plugin(name) or pm.is_blocked(name):
        n += 1
        name = f"{base}-{n}"
    return name


def _entry_points() -> list[importlib_metadata.EntryPoint]:
    found = importlib_metadata.entry_points(group=GROUP)
    unique: dict[str, importlib_metadata.EntryPoint] = {}
    for ep in found:
        unique.setdefault(ep.name, ep)
    return [unique[name] for name in sorted(unique)]


_default: PluginManager | None = None


def default_manager() -> PluginManager:
    """The library's shared manager, built on first use."""
    global _default
    if _default is None:
        _default = get_plugin_manager()
    return _default


def reset_default_manager() -> None:
    """Forget the shared manager, so the next call to :func:`default_manager` builds a new one."""
    global _default
    _default = None


def call_each(
    pm: pluggy.PluginManager,
    hook_name: str,
    *,
    stage: str,
    errors: list[Problem],
    article_id: str | None = None,
    source: str | None = None,
    **kwargs: Any,
) -> Iterator[tuple[str, Any]]:
    """Call every implementation of a hook in pluggy's order, one at a time.

    An implementation that raises (``SystemExit`` included), overruns the manager's ``hook_timeout`` or
    returns a value of the wrong type is recorded in ``errors`` (naming the plugin, the stage and the
    article) and the others still run.  Yields ``(plugin name, result)`` for each accepted result that is
    not None; results of collecting hooks come as tuples holding only items of the type the hook names.
    """
    caller = getattr(pm.hook, hook_name)
    timeout = getattr(pm, "hook_timeout", None)
    for impl in reversed(caller.get_hookimpls()):
        if getattr(impl, "hookwrapper", False) or getattr(impl, "wrapper", False):
            continue  # wrappers wrap pluggy's own call loop, which this guarded loop replaces
        args = [kwargs[name] for name in impl.argnames]
        try:
            result = guarded_call(impl.function, args, timeout)
        except PluginFailure as exc:
            errors.append(Problem(stage=stage, plugin=impl.plugin_name, article=article_id, source=source, message=exc.message))
            continue
        if result is None:
            continue
        result, rejected = check_result(hook_name, result)
        if rejected:
            errors.append(Problem(stage=stage, plugin=impl.plugin_name, article=article_id, source=source, message=rejected))
        if result is not None:
            yield impl.plugin_name, result


def call_first(
    pm: pluggy.PluginManager, hook_name: str, *, stage: str, errors: list[Problem], article_id: str | None = None, **kwargs: Any
) -> tuple[str, Any] | None:
    """Like a ``firstresult`` hook call, but an implementation that fails is recorded and skipped."""
    for plugin, result in call_each(pm, hook_name, stage=stage, errors=errors, article_id=article_id, **kwargs):
        return plugin, result
    return None


# ---------------------------------------------------------------------------------------------------------
# Calling one implementation: failures, interrupts and time limits


class PluginFailure(Exception):
    """One plugin's hook call failed; ``message`` says how (raised by :func:`guarded_call`)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class HookTimeout(BaseException):
    """Raised inside a hook call that overran its time limit.  A ``BaseException``, so that a plugin's own
    ``except Exception`` does not swallow it."""


def guarded_call(function: Callable[..., Any], args: list[Any], timeout: float | None) -> Any:
    """``function(*args)``, with a generator's items drawn inside the guard.

    Raises :class:`PluginFailure` for anything the call raises, ``SystemExit`` and a ``KeyboardInterrupt``
    the plugin raised itself included, and for a call that takes longer than ``timeout`` seconds.  A
    ``KeyboardInterrupt`` caused by a real Ctrl-C is re-raised, so the user can still stop the run.
    """
    sigints = _sigint_count()
    try:
        if timeout is None:
            return _drain(function(*args))
        return _with_time_limit(lambda: _drain(function(*args)), timeout)
    except HookTimeout:
        raise PluginFailure(f"took longer than the hook time limit ({timeout:g} s)") from None
    except BaseException as exc:  # noqa: BLE001 - whatever a plugin raises is its own failure
        if _is_real_interrupt(exc, sigints):
            raise
        raise PluginFailure(_describe(exc)) from exc


def _drain(result: Any) -> Any:
    """Run a generator (or other one-shot iterator) to its end, so that what it raises is the plugin's."""
    if isinstance(result, Iterator):
        return tuple(result)
    return result


def _describe(exc: BaseException) -> str:
    if isinstance(exc, SystemExit):
        return f"SystemExit: the plugin tried to end the program (status {exc.code!r})"
    if isinstance(exc, KeyboardInterrupt):
        return "KeyboardInterrupt raised by the plugin itself"
    return f"{type(exc).__name__}: {exc}"


_sigints = 0  # real Ctrl-Cs seen since the watcher was installed
_watching = False


def _on_sigint(signum: int, frame: Any) -> None:
    global _sigints
    _sigints += 1
    signal.default_int_handler(signum, frame)


def _sigint_count() -> int | None:
    """How many real Ctrl-Cs have arrived, or None when they cannot be told from a plugin's own
    ``KeyboardInterrupt`` (the watcher can only be installed from the main thread, over Python's default
    handler)."""
    global _watching
    if not _watching and threading.current_thread() is threading.main_thread():
        try:
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                signal.signal(signal.SIGINT, _on_sigint)
                _watching = True
        except (ValueError, OSError):  # not the main interpreter, or no signals here
            pass
    return _sigints if _watching and signal.getsignal(signal.SIGINT) is _on_sigint else None


def _is_real_interrupt(exc: BaseException, sigints_before: int | None) -> bool:
    """A ``KeyboardInterrupt`` that a Ctrl-C caused (or that cannot be told from one) must stop the run."""
    if not isinstance(exc, KeyboardInterrupt):
        return False
    return sigints_before is None or _sigints != sigints_before


def _with_time_limit(call: Callable[[], Any], seconds: float) -> Any:
    """``call()``, stopped after ``seconds``.

    In the main thread on a system with ``setitimer``, an alarm raises :class:`HookTimeout` inside the call
    (pure-Python loops and sleeps stop; a long call into C code stops when it returns).  Elsewhere, such as
    on a Dask worker's thread, the call runs in a daemon thread that is abandoned when it overruns.
    """
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):

        def on_alarm(signum: int, frame: Any) -> None:
            raise HookTimeout

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return call()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed back to the calling thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="newsdiff-hook", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise HookTimeout
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


# ---------------------------------------------------------------------------------------------------------
# What each hook may return


def _items(kind: type | tuple[type, ...]) -> Callable[[Any], tuple[Any, str | None]]:
    """A check for a collecting hook: an iterable (not a string or mapping) whose items are ``kind``.
    Items of another type are dropped and named; the rest are kept."""
    names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)

    def check(result: Any) -> tuple[Any, str | None]:
        if isinstance(result, (str, bytes, bytearray, Mapping)) or not isinstance(result, Iterable):
            return None, f"returned {type(result).__name__}, not a sequence of {names}"
        items = tuple(result)
        kept = tuple(item for item in items if isinstance(item, kind))
        if len(kept) == len(items):
            return items, None
        wrong = sorted({type(item).__name__ for item in items if not isinstance(item, kind)})
        return kept, f"returned {len(items) - len(kept)} item(s) of type {', '.join(wrong)}, not {names}; they were left out"

    return check


def _one(kind: type) -> Callable[[Any], tuple[Any, str | None]]:
    def check(result: Any) -> tuple[Any, str | None]:
        if isinstance(result, kind):
            return result, None
        return None, f"returned {type(result).__name__}, not {kind.__name__}"

    return check


def _formats(result: Any) -> tuple[Any, str | None]:
    if isinstance(result, Mapping) and all(isinstance(k, str) and isinstance(v, str) for k, v in result.items()):
        return dict(result), None
    return None, f"returned {type(result).__name__}, not a mapping of format name to description"


def _comparison(result: Any) -> tuple[Any, str | None]:
    if not isinstance(result, Comparison):
        return None, f"returned {type(result).__name__}, not Comparison"
    clusters = tuple(c for c in result.quote_clusters if isinstance(c, QuoteCluster))
    findings = tuple(
        f for f in result.findings if isinstance(f, Finding) and all(isinstance(ev, Evidence) for ev in f.evidence)
    )
    dropped = len(result.quote_clusters) - len(clusters) + len(result.findings) - len(findings)
    if not dropped:
        return result, None
    return (
        Comparison(quote_clusters=clusters, findings=findings),
        f"returned a Comparison holding {dropped} item(s) that are not QuoteCluster or Finding with Evidence; they were left out",
    )


_RESULT_CHECKS: dict[str, Callable[[Any], tuple[Any, str | None]]] = {
    "newsdiff_file_suffixes": _items(str),
    "newsdiff_read_file": _items(Article),
    "newsdiff_identify_outlet": _one(str),
    "newsdiff_find_metadata": _one(Metadata),
    "newsdiff_find_furniture": _items(Removed),
    "newsdiff_extract_quotes": _items(Quote),
    "newsdiff_extract_claims": _items(Claim),
    "newsdiff_compare": _comparison,
    "newsdiff_output_formats": _formats,
    "newsdiff_render": _one(str),
}


def check_result(hook_name: str, result: Any) -> tuple[Any, str | None]:
    """Hold a hook's non-None result to the type its specification names.

    :return: ``(accepted, problem)``: the result to use (None when nothing of it can be used; for
        collecting hooks, a tuple of the items of the right type) and a one-line description of what was
        rejected, or None when all of it was accepted.
    """
    check = _RESULT_CHECKS.get(hook_name)
    return check(result) if check is not None else (result, None)
