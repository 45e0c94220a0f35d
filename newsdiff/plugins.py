"""Building plugin managers and calling hooks so that one broken plugin never takes the run down.

Nothing is discovered at ``import newsdiff``.  :func:`get_plugin_manager` builds a fresh manager: the
builtin plugins first, then the entry points of group ``newsdiff`` (sorted by name, so the order is the
same on every machine).  The library builds its default manager on first use (:func:`default_manager`).

Environment variables:

``NEWSDIFF_DISABLE_PLUGINS``  when set to anything but ``""``/``0``, third-party plugins are not loaded.
``NEWSDIFF_BLOCK``            comma-separated plugin names (builtin or not) not to register.
``NEWSDIFF_STRICT_PLUGINS``   when set, a plugin that fails to load raises instead of being skipped.
"""

from __future__ import annotations

import importlib
import os
import traceback
from collections.abc import Iterable, Iterator
from importlib import metadata as importlib_metadata
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .errors import PluginLoadError
from .models import Problem

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

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT)
        self.add_hookspecs(hookspecs)
        self.load_failures: list[LoadFailure] = []
        self._dists: dict[str, tuple[str, str]] = {}

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
    from . import __version__

    return __version__


def _truthy(value: str | None) -> bool:
    return bool(value) and value.strip().lower() not in ("0", "false", "no", "off")


def get_plugin_manager(
    *,
    block: Iterable[str] = (),
    third_party: bool | None = None,
    strict: bool | None = None,
    plugins: Iterable[Any] = (),
) -> PluginManager:
    """Build a fresh plugin manager.

    :param block: plugin names not to register (builtin names such as ``"extract.quotes"`` too).
        ``NEWSDIFF_BLOCK`` adds to them.
    :param third_party: load entry points of group ``newsdiff``; by default yes, unless
        ``NEWSDIFF_DISABLE_PLUGINS`` is set.
    :param strict: re-raise a plugin's load failure as :class:`PluginLoadError`; by default only when
        ``NEWSDIFF_STRICT_PLUGINS`` is set.
    :param plugins: extra plugin objects (modules or instances) to register after the others.
    """
    pm = PluginManager()
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
            try:
                plugin = entry_point.load()
                pm.register(plugin, name=name)
            except Exception as exc:  # noqa: BLE001 - any failure of a plugin's import is reported
                message = f"{type(exc).__name__}: {exc}"
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
    unique = {}
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
    **kwargs: Any,
) -> Iterator[tuple[str, Any]]:
    """Call every implementation of a hook in pluggy's order, one at a time.

    An implementation that raises is recorded in ``errors`` (naming the plugin, the stage and the article)
    and the others still run.  Yields ``(plugin name, result)`` for each result that is not None.
    """
    caller = getattr(pm.hook, hook_name)
    for impl in reversed(caller.get_hookimpls()):
        if getattr(impl, "hookwrapper", False) or getattr(impl, "wrapper", False):
            continue  # wrappers wrap pluggy's own call loop, which this guarded loop replaces
        args = [kwargs[name] for name in impl.argnames]
        try:
            result = impl.function(*args)
            if result is not None and hook_name in _COLLECTING and not isinstance(result, (list, tuple)):
                result = list(result)  # run generators here, inside the guard
        except Exception as exc:  # noqa: BLE001 - a plugin's failure is reported, not fatal
            errors.append(
                Problem(stage=stage, plugin=impl.plugin_name, article=article_id, message=f"{type(exc).__name__}: {exc}")
            )
            continue
        if result is not None:
            yield impl.plugin_name, result


_COLLECTING = frozenset(
    {"newsdiff_find_furniture", "newsdiff_extract_quotes", "newsdiff_extract_claims", "newsdiff_file_suffixes"}
)


def call_first(
    pm: pluggy.PluginManager, hook_name: str, *, stage: str, errors: list[Problem], article_id: str | None = None, **kwargs: Any
) -> tuple[str, Any] | None:
    """Like a ``firstresult`` hook call, but an implementation that raises is recorded and skipped."""
    for plugin, result in call_each(pm, hook_name, stage=stage, errors=errors, article_id=article_id, **kwargs):
        return plugin, result
    return None
