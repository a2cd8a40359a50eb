"""Smoke test of the frozen (PyInstaller) build made from ``packaging/bpeditor.spec``.

The build happens once per run (a module-scoped fixture, well under a minute) into a folder whose
name has Chinese characters and a space, as a clerk's user profile may. Then the frozen app prints
its version, converts the sample, opens its window offscreen and quits, and the folder is checked
for size and contents. PyInstaller is part of the test extra: without it these tests fail, they
are never skipped. Build time, folder size and start-up times (frozen vs ``python -m bpeditor``)
are printed, not asserted.

With ``BPEDITOR_FROZEN_DIST=path/to/dist/bpeditor`` the tests check that existing build instead
(copied into such a folder first): the release workflow smoke-tests the very folder it ships.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bpeditor import __version__
from bpeditor.io.registry import FORMATS, read_path, write_path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "bpeditor.spec"
WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if WINDOWS else ""
PREBUILT_ENV = "BPEDITOR_FROZEN_DIST"
SIZE_LIMIT = 160 * 1000 * 1000
"""150 MB until the year commands: rapidfuzz's SSE2 core (6 MB, its AVX2 builds left out) and
pypinyin's dictionaries (3.4 MB) took the Linux folder from about 146 to 155.6 MB."""
BUILD_TIMEOUT = 30 * 60
RUN_TIMEOUT = 120
STARTUP_RUNS = 5


def _writable(extension: str) -> bool:
    return any(f.writer is not None and extension in f.extensions for f in FORMATS)


def _readable(extension: str) -> bool:
    return any(f.reader is not None and extension in f.extensions for f in FORMATS)


# .docx must always work; .xlsx is checked whenever an .xlsx writer is registered.
EXPORTS = [ext for ext in (".docx", ".xlsx") if ext == ".docx" or _writable(ext)]


@dataclass
class FrozenApp:
    """A frozen build: its folder, its two executables and how long it took to build."""

    folder: Path
    gui: Path
    cli: Path
    build_seconds: float | None

    @property
    def internal(self) -> Path:
        """The ``_internal`` folder beside the executables."""
        return self.folder / "_internal"


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _check_build_tools() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail(
            "PyInstaller is not installed, so the frozen build cannot be tested. It belongs in "
            "the test extra: `python3 dev.py test` installs it; by hand: pip install pyinstaller",
            pytrace=False,
        )
    if sys.platform.startswith("linux") and not shutil.which("objcopy"):
        pytest.fail(
            "PyInstaller needs binutils (objcopy, objdump, strip) on Linux: "
            "apt-get install binutils",
            pytrace=False,
        )


def _build(dist: Path, work: Path, log: Path) -> float:
    """Run PyInstaller on the spec; the build's wall time in seconds."""
    started = time.perf_counter()
    with log.open("w", encoding="utf-8", errors="replace") as out:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level",
                "WARN",
                "--distpath",
                str(dist),
                "--workpath",
                str(work),
                str(SPEC),
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
        pytest.fail(f"PyInstaller failed (exit {result.returncode}):\n{tail}", pytrace=False)
    return seconds


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FrozenApp]:
    """The frozen app in a folder named ``发布 目录``: built once from the spec, or copied."""
    base = tmp_path_factory.mktemp("frozen")
    dist = base / "发布 目录"
    prebuilt = os.environ.get(PREBUILT_ENV)
    if prebuilt:
        if not (Path(prebuilt) / f"bpeditor{EXE_SUFFIX}").is_file():
            pytest.fail(f"{PREBUILT_ENV}={prebuilt} holds no frozen bpeditor", pytrace=False)
        shutil.copytree(prebuilt, dist / "bpeditor", symlinks=True)
        seconds = None
    else:
        _check_build_tools()
        seconds = _build(dist, base / "work", base / "pyinstaller.log")
    folder = dist / "bpeditor"
    yield FrozenApp(
        folder,
        folder / f"bpeditor{EXE_SUFFIX}",
        folder / f"bpeditor-cli{EXE_SUFFIX}",
        seconds,
    )
    shutil.rmtree(base, ignore_errors=True)


def _run(exe: Path, *args: str | Path, gui: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if gui:
        env.update(QT_QPA_PLATFORM="offscreen", BPEDITOR_QUIT_AFTER_SHOW="1")
    return subprocess.run(
        [str(exe), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=RUN_TIMEOUT,
        check=False,
    )


def _convert(app: FrozenApp, source: Path, target: Path) -> None:
    # The console executable: on Windows the windowed one has no stdout/stderr to report with.
    result = _run(app.cli, "convert", source, target)
    assert result.returncode == 0, result.stderr
    assert target.is_file()
    assert "已转换" in result.stderr


def _assert_same_table(source: Path, converted: Path) -> None:
    """The frozen app's output reads back as what this checkout writes from the same source.

    Whether a format round-trips exactly is the io tests' business; here the frozen app must
    behave as the source does.
    """
    table = read_path(source).table
    reference = converted.with_name(f"reference-{converted.stem}{converted.suffix}")
    write_path(table, reference)
    expected, actual = read_path(reference).table, read_path(converted).table
    assert actual.project_count() == expected.project_count() > 0
    assert actual.indicator_count() == expected.indicator_count() > 0
    assert actual == expected


def test_both_executables_print_the_version(frozen: FrozenApp) -> None:
    assert frozen.gui.is_file() and frozen.cli.is_file()
    cli = _run(frozen.cli, "--version")
    assert (cli.returncode, cli.stdout.strip()) == (0, f"bpeditor {__version__}")
    gui = _run(frozen.gui, "--version")
    assert gui.returncode == 0
    if not WINDOWS:  # a windowed Windows executable has no stdout
        assert gui.stdout.strip() == f"bpeditor {__version__}"


@pytest.mark.parametrize("extension", EXPORTS)
def test_converts_the_sample(
    frozen: FrozenApp, sample_path: Path, tmp_path: Path, extension: str
) -> None:
    target = tmp_path / f"sample{extension}"
    _convert(frozen, sample_path, target)
    assert zipfile.is_zipfile(target)
    if _readable(extension):
        _assert_same_table(sample_path, target)


def test_windowed_executable_converts_too(
    frozen: FrozenApp, sample_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "from-gui-exe.docx"
    result = _run(frozen.gui, "convert", sample_path, target)
    assert result.returncode == 0, result.stderr
    _assert_same_table(sample_path, target)


def test_opens_the_example_window_offscreen_and_quits(frozen: FrozenApp) -> None:
    result = _run(frozen.gui, "--example", gui=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_chinese_paths_with_spaces(frozen: FrozenApp, sample_path: Path, tmp_path: Path) -> None:
    source_dir, out_dir = tmp_path / "绩效 目标", tmp_path / "输出 文件"
    source_dir.mkdir()
    out_dir.mkdir()
    source = source_dir / "花都 口岸.txt"
    shutil.copyfile(sample_path, source)

    target = out_dir / "结果 表.docx"
    _convert(frozen, source, target)
    _assert_same_table(sample_path, target)

    batch_dir = tmp_path / "批量 输出"
    batch = _run(frozen.cli, "convert", "--out-dir", batch_dir, "--to", "bpe", source_dir)
    assert batch.returncode == 0, batch.stdout + batch.stderr
    _assert_same_table(sample_path, batch_dir / "花都 口岸.bpe")

    opened = _run(frozen.gui, source, gui=True)
    assert opened.returncode == 0, opened.stderr


def test_folder_stays_under_160_mb(frozen: FrozenApp) -> None:
    size = _size(frozen.folder)
    assert size < SIZE_LIMIT, f"frozen folder is {size / 1e6:.1f} MB"


def test_bundles_every_resource_file(frozen: FrozenApp) -> None:
    package = ROOT / "bpeditor" / "resources"
    wanted = {
        p.relative_to(package)
        for p in package.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }
    assert Path("example.txt") in wanted and Path("icons/bpeditor.svg") in wanted
    bundled = frozen.internal / "bpeditor" / "resources"
    missing = sorted(str(p) for p in wanted if not (bundled / p).is_file())
    assert not missing, f"resources missing from the build: {missing}"
    assert (frozen.internal / "bpeditor.ico").is_file()


def test_no_dangling_links(frozen: FrozenApp) -> None:
    dangling = [str(p) for p in frozen.folder.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling


def test_bundles_only_the_chinese_qt_catalogs(frozen: FrozenApp) -> None:
    ours = frozen.internal / "bpeditor" / "resources" / "i18n"
    assert (ours / "bpeditor_en.qm").is_file()  # the app's own English catalog ships too
    catalogs = sorted(p.name for p in frozen.internal.rglob("*.qm") if ours not in p.parents)
    assert "qtbase_zh_CN.qm" in catalogs
    assert set(catalogs) <= {"qtbase_zh_CN.qm", "qt_zh_CN.qm"}, catalogs
    # Where QLibraryInfo's TranslationsPath points in a PyInstaller build of the PySide6 wheels.
    qt_root = "PySide6" if WINDOWS else "PySide6/Qt"
    assert (frozen.internal / qt_root / "translations" / "qtbase_zh_CN.qm").is_file()


def test_bundles_the_metadata_the_about_dialog_reads(frozen: FrozenApp) -> None:
    from bpeditor.ui.about import LIBRARIES

    found = {
        re.sub(r"[-_.]+", "-", p.name.split("-", 1)[0]).lower()
        for p in frozen.internal.glob("*.dist-info")
    }
    for display, names in LIBRARIES:
        normalised = {re.sub(r"[-_.]+", "-", n).lower() for n in names}
        assert normalised & found, f"no package metadata for {display}"


# Qt families this app never needs; finding one means a plugin or import dragged it in.
_NEVER_QT = re.compile(
    r"Qt6(Qml|Quick|Pdf|WebEngine|Multimedia|3D|Charts|DataVisualization|Graphs|VirtualKeyboard"
    r"|Sql|Test|Designer|Help|UiTools)",
)


def _qt_modules_bpeditor_imports() -> set[str]:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "bpeditor").rglob("*.py"))
    found = set(re.findall(r"\bPySide6\.(Qt\w+)", source))
    for names in re.findall(r"from PySide6 import \(?([\w\s,]+)\)?", source):
        found |= {n.strip() for n in names.split(",") if n.strip().startswith("Qt")}
    return found


def test_spec_excludes_no_qt_module_bpeditor_imports() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    block = spec[spec.index("EXCLUDED_QT_MODULES = (") : spec.index(").split()")]
    excluded = set(re.findall(r"\bQt\w+", block))
    clash = sorted(excluded & _qt_modules_bpeditor_imports())
    assert not clash, f"bpeditor imports {clash}, which packaging/bpeditor.spec excludes"


def test_leaves_unused_qt_modules_out(frozen: FrozenApp) -> None:
    unused = sorted(p.name for p in frozen.internal.rglob("*") if _NEVER_QT.search(p.name))
    assert not unused
    modules = {
        p.name.split(".")[0]
        for p in (frozen.internal / "PySide6").iterdir()
        if re.fullmatch(r"Qt[A-Z]\w*\.(abi3\.so|pyd)", p.name)
    }
    assert {"QtCore", "QtGui", "QtWidgets"} <= modules
    allowed = {"QtCore", "QtGui", "QtWidgets"} | _qt_modules_bpeditor_imports()
    assert modules <= allowed, f"Qt modules bpeditor does not import: {modules - allowed}"


def _linked_libraries(binary: Path, internal: Path) -> dict[str, str | None]:
    """What a bundled binary links: name -> resolved path, or ``None`` when not found."""
    if WINDOWS:
        import pefile  # a PyInstaller dependency on Windows

        pe = pefile.PE(str(binary), fast_load=True)
        pe.parse_data_directories([pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"]])
        entries = getattr(pe, "DIRECTORY_ENTRY_IMPORT", [])
        return {entry.dll.decode(): "" for entry in entries}
    # As the bootloader runs the app: the bundled system libraries are found through this path.
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    output = subprocess.run(
        ["ldd", str(binary)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        check=False,
    ).stdout
    linked: dict[str, str | None] = {}
    for line in output.splitlines():
        match = re.match(r"\s*(\S+) => (not found|\S+)", line)
        if match:
            linked[match.group(1)] = None if match.group(2) == "not found" else match.group(2)
    return linked


# Libraries PyInstaller never bundles on Linux: they must match the machine's graphics stack.
_SYSTEM_PROVIDED = re.compile(r"^lib(wayland-|GL|EGL|OpenGL|GLX|GLdispatch|vulkan|drm|gbm)")


def test_no_bundled_library_misses_a_dropped_one(frozen: FrozenApp) -> None:
    binaries = [
        p
        for p in frozen.internal.rglob("*")
        if p.is_file() and re.search(r"\.(so(\.\d+)*|dll|pyd)$", p.name)
    ]
    bundled = {p.name.lower() for p in binaries}
    problems = []
    for binary in binaries:
        for name, resolved in _linked_libraries(binary, frozen.internal).items():
            if re.match(r"(lib)?Qt6", name) and name.lower() not in bundled:
                problems.append(f"{binary.name} needs {name}, which is not bundled")
            elif resolved is None and not _SYSTEM_PROVIDED.match(name):
                problems.append(f"{binary.name} needs {name}, which is not found")
    assert not problems, "\n".join(sorted(set(problems)))


def _median_startup(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(STARTUP_RUNS):
        started = time.perf_counter()
        code = subprocess.run(
            command, capture_output=True, env=env, timeout=RUN_TIMEOUT, check=False
        ).returncode
        times.append(time.perf_counter() - started)
    return statistics.median(times), code


def test_report_build_size_and_startup(
    frozen: FrozenApp, capsys: pytest.CaptureFixture[str]
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BPEDITOR_QUIT_AFTER_SHOW": "1"}
    frozen_time, frozen_code = _median_startup([str(frozen.gui), "--example"], env)
    python_time, python_code = _median_startup([sys.executable, "-m", "bpeditor", "--example"], env)
    size = _size(frozen.folder)
    built = (
        f"built in {frozen.build_seconds:.1f} s"
        if frozen.build_seconds is not None
        else f"prebuilt ({PREBUILT_ENV})"
    )
    with capsys.disabled():
        print(
            f"\n[frozen build] {built}; folder {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)\n"
            f"[frozen build] start-up with --example to the shown window, median of "
            f"{STARTUP_RUNS}: frozen {frozen_time:.2f} s (exit {frozen_code}), "
            f"python -m bpeditor {python_time:.2f} s (exit {python_code})"
        )


def test_year_commands_and_the_library_work_frozen(
    frozen: FrozenApp, sample_path: Path, tmp_path: Path
) -> None:
    # rapidfuzz (matching) and pypinyin with its dictionaries (initials) inside the bundle.
    folder = tmp_path / "往年 表格"
    folder.mkdir()
    carried = folder / "next.bpe"
    assert _run(frozen.cli, "carry-forward", sample_path, carried).returncode == 0
    compared = _run(frozen.cli, "compare", sample_path, carried)
    assert compared.returncode == 0, compared.stderr
    assert "项目：9 个对应，0 个新增，0 个取消；指标：49 个相同" in compared.stdout
    found = _run(frozen.cli, "library", "suggest", "--from", folder, "--query", "gsbzys", "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)[0]["name"] == "供水保障月数"
