"""Writing output: files whole or not at all, standard output with a clear error when it fails.

``-o PATH`` rules (docs/cli.md): a regular file is replaced whole (through a temporary file in the same
folder, renamed over it), keeping its permissions; a symbolic link is written through (its target is
replaced, the link stays); a read-only file, a folder, a named pipe, a device or a socket is refused with
an :class:`OutputError`, never replaced.  The temporary file is named ``.NAME.newsdiff-PID.tmp``: it is
removed when writing fails or the process is interrupted (Ctrl-C, or SIGTERM/SIGHUP through
:func:`exit_on_signals`), and one left by a process that was killed outright (SIGKILL, power loss) is
removed by the next run that writes the same output.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .errors import OutputError

_TMP_PREFIX = ".newsdiff-"
_TMP_SUFFIX = ".tmp"


def encodable(text: str) -> str:
    """``text`` with any lone surrogate (U+D800-U+DFFF) replaced by U+FFFD, so it encodes as UTF-8.

    One character for one: offsets into the text stay exact."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_target(path: str | os.PathLike[str]) -> tuple[Path, int | None]:
    """The file that writing ``path`` replaces (a link's target) and its permission bits (None when new).

    Raises :class:`OutputError` when the path must not be replaced."""
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise OutputError(str(path), f"cannot write: the folder {target.parent} does not exist") from None
        return target, None
    except OSError as exc:
        raise OutputError(str(path), f"cannot write: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(str(path), f"refused: it is {_kind(info.st_mode)}, not a regular file; name a file to write")
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise OutputError(str(path), "refused: the file is read-only")
    return target, stat.S_IMODE(info.st_mode)


def _temp_name(target: Path, pid: int) -> Path:
    return target.with_name(f".{target.name}{_TMP_PREFIX}{pid}{_TMP_SUFFIX}")


def remove_stale(target: Path) -> list[Path]:
    """Remove temporary files beside ``target`` left by newsdiff processes that no longer run."""
    removed: list[Path] = []
    prefix = f".{target.name}{_TMP_PREFIX}"
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(prefix) and name.endswith(_TMP_SUFFIX)):
            continue
        pid_text = name[len(prefix) : -len(_TMP_SUFFIX)]
        if not pid_text.isdigit() or _running(int(pid_text)):
            continue
        stale = target.parent / name
        with contextlib.suppress(OSError):
            stale.unlink()
            removed.append(stale)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a file of this process's own name is left from an earlier process of the same id
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def write_atomic(path: str | os.PathLike[str], data: str) -> None:
    """Write ``data`` (UTF-8) to ``path`` through a temporary file in the same folder, then rename it.

    A reader never sees a half-written file, and when writing fails the old file (if any) is untouched.
    See the module's docstring for what ``path`` may be; :class:`OutputError` says why it is refused.
    """
    target, mode = check_target(path)
    remove_stale(target)
    tmp = _temp_name(target, os.getpid())
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            os.chmod(tmp, mode)
            handle.write(encodable(data).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_stream(data: str, stream: BinaryIO | None = None) -> None:
    """Write ``data`` as UTF-8 to ``stream`` (standard output's bytes by default).

    Raises :class:`OutputError` when it cannot be written (a full disk, a closed pipe); standard output is
    then pointed at the null device, so Python's own flush at exit finds nothing left to fail on."""
    out = stream if stream is not None else getattr(sys.stdout, "buffer", None)
    try:
        if out is None:  # standard output replaced by a text stream (io.StringIO): it takes str
            sys.stdout.write(encodable(data))
            sys.stdout.flush()
            return
        sys.stdout.flush()  # anything printed before goes first
        out.write(encodable(data).encode("utf-8"))
        out.flush()
    except OSError as exc:
        if stream is None:
            _silence_stdout()
        reason = "the reader closed the pipe" if exc.errno == errno.EPIPE else (exc.strerror or str(exc))
        raise OutputError("standard output", f"cannot write: {reason}") from None


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextlib.contextmanager
def exit_on_signals(*signums: int) -> Iterator[None]:
    """Turn SIGTERM and SIGHUP (or ``signums``) into ``SystemExit(128 + signal)`` inside the block, so
    ``finally`` clauses (removing a temporary file) run before the process ends."""
    wanted = signums or tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)

    def handler(signum: int, frame: object) -> None:  # noqa: ARG001 - the signal handler's signature
        raise SystemExit(128 + signum)

    previous: dict[int, Any] = {}
    try:
        for signum in wanted:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                previous[signum] = signal.signal(signum, handler)
        yield
    finally:
        for signum, old in previous.items():
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signum, old)
