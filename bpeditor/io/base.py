"""What every importer and exporter shares: results, warnings, errors and atomic writes."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bpeditor.model.document import Table


class ReadError(Exception):
    """A file that cannot be imported; the message says where and what, in Chinese."""


class WriteError(Exception):
    """A file that could not be written; the old file, if any, is left intact."""


@dataclass(frozen=True)
class ReadWarning:
    """Something an importer did not fully understand, with where it was found."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}：{self.message}" if self.location else self.message


@dataclass
class ReadResult:
    """An imported table and the warnings met on the way."""

    table: Table
    warnings: list[ReadWarning] = field(default_factory=list)
    format: str = ""


_REPLACE_RETRIES = (0.05, 0.1, 0.2, 0.4)


def atomic_write(path: str | os.PathLike[str], write: Callable[[Path], None]) -> None:
    """Write ``path`` by calling ``write`` on a temporary file in the same folder, then replacing.

    If writing or replacing fails, the temporary file is removed and the old file stays intact.
    Replacing is retried briefly, since Windows refuses while another program holds the file.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"{target}：无法在该文件夹中写入（{exc.strerror or exc}）") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        _copy_mode(target, tmp)
        for delay in (*_REPLACE_RETRIES, None):
            try:
                os.replace(tmp, target)
                break
            except PermissionError:
                if delay is None:
                    raise
                time.sleep(delay)
    except PermissionError as exc:
        raise WriteError(
            f"{target}：文件可能正被其他程序打开，无法保存（{exc.strerror or exc}）"
        ) from exc
    except OSError as exc:
        raise WriteError(f"{target}：保存失败（{exc.strerror or exc}）") from exc
    finally:
        if tmp.exists():
            tmp.unlink(missing_ok=True)


def _copy_mode(target: Path, tmp: Path) -> None:
    """Give the new file the old file's permissions, or the usual ones (mkstemp makes it 0600)."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)
