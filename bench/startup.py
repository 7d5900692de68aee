"""Measure how long acuinfo takes to start, against the cost of Python itself.

Every acuinfo command is a fresh process, so the time from typing a command to
seeing its answer is mostly start-up: the interpreter, the imports and reading
knowledge files. This script times whole processes, the way a person meets
them, and compares them with a floor (Python importing Typer and Rich, which
acuinfo cannot do without) and with each other as the knowledge grows to
10,000 conditions. See bench/README.md.

Run it with the Python of the environment acuinfo is installed in:

    .venv/bin/python bench/startup.py [--runs 15] [--json out.json]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "data" / "conditions" / "neck-pain.yaml"
SIZES = (20, 1_000, 10_000)
TIPS_PER_CONDITION = 2
TIPS_PER_FILE = 100  # a clinic may keep one tip per file or many; 100 keeps file count sane
TIP_CATEGORIES = ("movement", "heat-and-rest", "sleep-and-stress", "posture-and-work")
SEARCH_WORDS = "pain down my leg"
MEMORY_RUNS = 5
PACKAGES = ("acuinfo", "typer", "rich", "PyYAML", "rapidfuzz", "platformdirs")


@dataclass(frozen=True)
class Target:
    """A ratio the lead developer has promised to stay under, and why it is that ratio."""

    name: str
    numerator: str
    denominator: str
    limit: float
    meaning: str


TARGETS = (
    Target("A/F", "A", "F", 1.15, "one condition costs little more than importing Typer and Rich"),
    Target("B/A", "B", "A", 1.10, "a 10,000-condition folder does not slow showing one condition"),
    Target("C/F", "C", "F", 1.5, "search over 10,000 conditions, index built, stays quick"),
    Target("D/F", "D", "F", 1.5, "listing 10,000 conditions stays quick"),
    Target("memB/memA", "memB", "memA", 1.2, "a big folder is not read into memory to show one"),
    Target("E/Ce", "E", "Ce", 2.0, "after one condition is edited, search updates only its rows"),
    Target("E+/C+", "E+", "C+", 2.0, "after one condition is added, the same"),
    Target("E-/C-", "E-", "C-", 2.0, "after one condition is removed, the same"),
    Target("Aes/A", "Aes", "Aen", 1.05, "one condition in Spanish costs what it does in English"),
    Target("Azh/A", "Azh", "Aen", 1.05, "one condition in Chinese costs what it does in English"),
)
# acuinfo skips the garbage collector's last pass as Python exits (see acuinfo.cli.main.main),
# which the floor pays; these ratios, against a floor that skips it too, are printed
# beside the targets so that the part of the gain made at exit is plain to see.
# In a pipe acuinfo never loads Rich's console, which the floor imports; on a terminal
# it does. Ac, the condition coloured as for a terminal (FORCE_COLOR=1), shows that cost.
# Et/Ct, a search just after a file of tips was edited: the tips' rows are replaced and
# the conditions' kept (no target: the synthetic folder's 20,000 tips are all re-read).
LIKE_FOR_LIKE = (("A/F0", "A", "F0"), ("Ac/F", "Ac", "F"), ("Ac/F0", "Ac", "F0"),
                 ("C/F0", "C", "F0"), ("D/F0", "D", "F0"), ("Et/Ct", "Et", "Ct"))


@dataclass
class Command:
    """One thing to time: its argv, and how to show it without temporary paths."""

    key: str
    label: str
    argv: list[str]
    shown: str
    samples_ms: list[float] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)  # added to the session's environment


class BenchFailed(Exception):
    """Something went wrong that makes the figures meaningless, such as a failed command."""


class CommandFailed(BenchFailed):
    """A command exited with a failure: it did not do the work being timed."""

    def __init__(self, argv: Sequence[str], code: int, stdout: str, stderr: str) -> None:
        super().__init__(f"command failed with exit status {code}: {' '.join(argv)}")
        self.stdout = stdout
        self.stderr = stderr


# -- the machine -----------------------------------------------------------------------


def cpu_model() -> str:
    """The CPU's name, which explains most differences between two people's figures."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.startswith(("model name", "Hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def package_versions() -> dict[str, str | None]:
    """The installed versions of acuinfo and what it imports at start-up: a new Typer or Rich
    can move every figure."""
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def machine_info(versions: dict[str, str | None]) -> dict[str, object]:
    """What the figures were measured on, printed first so that they are read with it."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "executable": sys.executable,
        "versions": versions,
    }


# -- synthetic knowledge ---------------------------------------------------------------


def condition_template() -> str:
    """neck-pain.yaml with its names made placeholders, so every copy is valid and as big
    as a real condition, yet has a slug, title and aliases of its own."""
    text = TEMPLATE.read_text(encoding="utf-8").replace("{", "{{").replace("}", "}}")
    replacements = (
        (r"(?m)^slug: .*$", "slug: {slug}"),
        (r"(?m)^title: .*$", "title: {title}"),
        (r"(?m)^aliases:\n(?:  - .*\n)+",
         "aliases:\n" + "".join(f"  - {{alias{n}}}\n" for n in range(1, 5))),
    )
    for pattern, placeholder in replacements:
        text, count = re.subn(pattern, placeholder, text, count=1)
        if count != 1:
            raise RuntimeError(f"{TEMPLATE} has no line matching {pattern!r}")
    return text


def condition_names(number: int) -> dict[str, str]:
    """Unique names for condition ``number``, readable enough to search for."""
    return {
        "slug": f"synthetic-pain-{number:05d}",
        "title": f"Synthetic pain {number:05d}",
        "alias1": f"made-up ache {number:05d}",
        "alias2": f"bench pain {number:05d}",
        "alias3": f"test ache {number:05d}",
        "alias4": f"sample sore spot {number:05d}",
    }


def tip_block(number: int, which: int) -> str:
    """One tip for condition ``number``, about as long as a built-in tip."""
    slug = condition_names(number)["slug"]
    category = TIP_CATEGORIES[(number * TIPS_PER_CONDITION + which) % len(TIP_CATEGORIES)]
    return (
        f"  - id: {slug}-tip-{which + 1}\n"
        f"    category: {category}\n"
        f"    title: Pace yourself, step {which + 1}\n"
        f"    text: >-\n"
        f"      Plan your day so that you rest a little before the pain builds up.\n"
        f"      Do a bit more each week, and write down what helps so you can\n"
        f"      tell your practitioner at your next session.\n"
        f"    conditions: [{slug}]\n"
        f"    keywords: [pacing, planning, diary]\n"
    )


def build_folder(root: Path, count: int, template: str) -> None:
    """A knowledge folder of ``count`` valid conditions and their tips, written by string
    templating: dumping YAML would take longer than the benchmark itself."""
    conditions = root / "conditions"
    tips = root / "tips"
    conditions.mkdir(parents=True)
    tips.mkdir()
    for number in range(1, count + 1):
        names = condition_names(number)
        (conditions / f"{names['slug']}.yaml").write_text(template.format(**names),
                                                         encoding="utf-8")
    for first in range(1, count + 1, TIPS_PER_FILE // TIPS_PER_CONDITION):
        last = min(count, first + TIPS_PER_FILE // TIPS_PER_CONDITION - 1)
        blocks = [tip_block(n, w) for n in range(first, last + 1)
                  for w in range(TIPS_PER_CONDITION)]
        text = "reviewed: 2026-11-25\ntips:\n" + "".join(blocks)
        (tips / f"synthetic-{first:05d}.yaml").write_text(text, encoding="utf-8")


# -- running commands ------------------------------------------------------------------


def bench_env(work: Path) -> dict[str, str]:
    """The environment of every timed command: a cache folder that is new for this session
    and an empty user folder, so nothing from the person's own setup is measured."""
    env = dict(os.environ)
    env.pop("ACUINFO_DATA_PATH", None)
    env["ACUINFO_CACHE_DIR"] = str(work / "cache")
    env["ACUINFO_USER_DIR"] = str(work / "user")
    (work / "user").mkdir()
    return env


def run_once(argv: Sequence[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall-clock milliseconds of one whole process writing to a pipe, and its output."""
    start = time.perf_counter()
    done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, env=env,
                          check=False)
    elapsed = (time.perf_counter() - start) * 1000
    stdout = done.stdout.decode(errors="replace")
    if done.returncode != 0:
        raise CommandFailed(argv, done.returncode, stdout, done.stderr.decode(errors="replace"))
    return elapsed, stdout


PEAK_REPORTER = """
import atexit, os


def _report_peak():
    # The high-water mark of this process's own memory, as the kernel keeps it: it starts
    # afresh when the program is loaded, so nothing of the process that started it counts.
    path = os.environ.get("ACUINFO_BENCH_PEAK_FILE")
    if path:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    with open(path, "w") as out:
                        out.write(line.split()[1])


atexit.register(_report_peak)
"""


def peak_mib(argv: Sequence[str], env: dict[str, str]) -> float:
    """Peak memory of one Python process, as it reads its own VmHWM as it exits (through
    a sitecustomize module put on its path). A child's max RSS from wait4 would also
    count what the parent held when it forked, so it would measure the benchmark too."""
    with tempfile.TemporaryDirectory(prefix="acuinfo-peak-") as folder:
        Path(folder, "sitecustomize.py").write_text(PEAK_REPORTER, encoding="utf-8")
        report = Path(folder, "peak")
        paths = [folder, *filter(None, [env.get("PYTHONPATH")])]
        run_env = {**env, "PYTHONPATH": os.pathsep.join(paths),
                   "ACUINFO_BENCH_PEAK_FILE": str(report)}
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, env=run_env,
                              check=False)
        if done.returncode != 0:
            raise CommandFailed(argv, done.returncode, done.stdout.decode(errors="replace"),
                                done.stderr.decode(errors="replace"))
        if not report.exists():
            raise BenchFailed(f"{' '.join(argv)} did not report its peak memory (this needs "
                              "Linux's /proc and a normal exit)")
        return int(report.read_text()) / 1024


# -- figures ---------------------------------------------------------------------------


def spread(samples: Sequence[float]) -> dict[str, float]:
    """Median, and the range around it, so a noisy machine shows as noisy."""
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples)}


def rounds(commands: Sequence[Command], runs: int, env: dict[str, str],
           progress: Callable[[str], None]) -> None:
    """Run every command once per round, in turn, so slow drift (a warming CPU, another
    job) shifts them all alike instead of the one that happened to run last."""
    for number in range(1, runs + 1):
        for command in commands:
            command.samples_ms.append(run_once(command.argv, {**env, **command.env})[0])
        progress(f"\r  round {number}/{runs}")
    progress("\r" + " " * 20 + "\r")


def settle(path: Path) -> None:
    """Set a file's (or folder's) modification time ten seconds back, as if the edit had
    been made a while before the search: its change time still shows the edit, and the
    index it leads to is current for the search after it."""
    then = time.time() - 10
    os.utime(path, (then, then))


LANGUAGE_ROUNDS = 3  # times --runs: a 5% target needs more rounds than the noise of one


def language_rounds(commands: Sequence[Command], runs: int, env: dict[str, str],
                    progress: Callable[[str], None]) -> dict[str, list[float]]:
    """Aen (A again), Aes and Azh, back to back in rounds of their own, and more of them
    than the others get: each round's ratios compare commands that ran a moment apart,
    and a target of 5% needs many of them to rise above the machine's noise."""
    samples: dict[str, list[float]] = {command.key: [] for command in commands}
    for number in range(1, runs + 1):
        for command in commands:
            samples[command.key].append(run_once(command.argv, {**env, **command.env})[0])
        progress(f"\r  language round {number}/{runs}")
    progress("\r" + " " * 28 + "\r")
    return samples


EDIT_KEYS = ("E", "Ce", "E+", "C+", "E-", "C-", "Et", "Ct")


def edit_rounds(search: Command, folder: Path, template: str, runs: int,
                env: dict[str, str], progress: Callable[[str], None],
                size: int = SIZES[-1], tips_too: bool = True) -> dict[str, list[float]]:
    """E: the search just after one condition file was edited, E+ just after one was
    added, E- just after one was removed, Et (if ``tips_too``) just after one file of
    tips was edited; each followed at once by the same search with the index current
    (Ce, C+, C-, Ct), so each round gives a ratio of two runs back to back."""
    keys = EDIT_KEYS if tips_too else EDIT_KEYS[:-2]
    samples: dict[str, list[float]] = {key: [] for key in keys}
    conditions = folder / "conditions"
    tips = sorted((folder / "tips").glob("*.yaml"))[0]
    tips_text = tips.read_text(encoding="utf-8")
    edited = conditions / f"{condition_names(size // 2)['slug']}.yaml"
    original = edited.read_text(encoding="utf-8")
    added = conditions / "synthetic-pain-added.yaml"
    names = {**condition_names(0), "slug": "synthetic-pain-added"}

    def timed(after: str, before: str) -> None:
        samples[after].append(run_once(search.argv, env)[0])
        samples[before].append(run_once(search.argv, env)[0])

    for number in range(1, runs + 1):
        edited.write_text(original.replace("title: ", f"title: Edited {number} ", 1),
                          encoding="utf-8")
        settle(edited)
        timed("E", "Ce")
        added.write_text(template.format(**names), encoding="utf-8")
        settle(added)
        settle(conditions)
        timed("E+", "C+")
        added.unlink()
        settle(conditions)
        timed("E-", "C-")
        if tips_too:
            tips.write_text(tips_text.replace("title: ", f"title: Edited {number} ", 1),
                            encoding="utf-8")
            settle(tips)
            timed("Et", "Ct")
        progress(f"\r  edit round {number}/{runs}")
    progress("\r" + " " * 24 + "\r")
    edited.write_text(original, encoding="utf-8")
    tips.write_text(tips_text, encoding="utf-8")
    return samples


FIRST_BUILD_WORKERS = (1, 2)
FIRST_BUILD_LIMIT_MS = 3000.0
FIRST_BUILD_LIMIT_MIB = 100.0


def first_builds(search: Command, runs: int, work: Path, env: dict[str, str]
                 ) -> dict[str, dict[str, object]]:
    """G: the first search over the 10,000-condition folder with an empty cache (no
    index, no parsed files), read by one worker and by two (ACUINFO_WORKERS); its time,
    the peak memory of the acuinfo process itself (its workers are not counted) and the
    size of the cache it leaves."""
    found: dict[str, dict[str, object]] = {}
    for workers in FIRST_BUILD_WORKERS:
        times, peaks, sizes = [], [], []
        for number in range(runs):
            cache = work / f"cache-first-{workers}-{number}"
            run_env = {**env, "ACUINFO_CACHE_DIR": str(cache), "ACUINFO_WORKERS": str(workers)}
            start = time.perf_counter()
            peaks.append(peak_mib(search.argv, run_env))
            times.append((time.perf_counter() - start) * 1000)
            sizes.append(mib_in(cache))
            shutil.rmtree(cache, ignore_errors=True)
        found[f"G{workers}"] = {"workers": workers, "median_ms": round(statistics.median(times), 1),
                                "samples_ms": [round(t, 1) for t in times],
                                "peak_mib": round(statistics.median(peaks), 1),
                                "cache_mib": round(statistics.median(sizes), 1)}
    return found


HUGE_TARGETS = (
    Target("B100/A", "B100", "A", 1.10, "a 100,000-condition folder does not slow showing one"),
    Target("C100/F", "C100", "F", 2.0, "search over 100,000 conditions, index built"),
    Target("D100/F", "D100", "F", 2.0, "listing 100,000 conditions"),
    Target("E100/C100", "E", "Ce", 3.0, "search just after one of 100,000 conditions is edited"),
)


def mib_in(folder: Path) -> float:
    """The size of the files in ``folder`` and below, in MiB."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def huge_session(size: int, runs: int) -> dict[str, object]:
    """The same commands over one generated folder of ``size`` conditions: its first build,
    then ``runs`` alternating rounds and edit rounds, against HUGE_TARGETS."""
    acuinfo = str(acuinfo_script())
    versions = package_versions()
    machine = machine_info(versions)
    print_machine(machine, versions)
    with workspace(False) as work:
        env = bench_env(work)
        template = condition_template()
        folder = work / f"knowledge-{size}"
        started = time.perf_counter()
        build_folder(folder, size, template)
        then = time.time() - 10  # settled: the first build is kept, not built again
        for path in (*folder.rglob("*"), folder):
            os.utime(path, (then, then))
        print(f"a knowledge folder of {size:,} conditions, built in "
              f"{time.perf_counter() - started:.1f} s")
        data = ["--data-dir", str(folder)]
        commands = [
            Command("F", "floor", [sys.executable, "-c", "import typer, rich.console"],
                    'python -c "import typer, rich.console"'),
            Command("A", "one condition", [acuinfo, "condition", "neck-pain"],
                    "acuinfo condition neck-pain"),
            Command("B100", f"one condition, {size:,} more", [acuinfo, *data, "condition",
                    "neck-pain"], f"acuinfo --data-dir <{size}> condition neck-pain"),
            Command("C100", f"search, {size:,}", [acuinfo, *data, "search", SEARCH_WORDS],
                    f'acuinfo --data-dir <{size}> search "{SEARCH_WORDS}"'),
            Command("D100", f"list, {size:,}", [acuinfo, *data, "conditions"],
                    f"acuinfo --data-dir <{size}> conditions"),
        ]
        start = time.perf_counter()
        peak = peak_mib(commands[3].argv, env)
        first_ms = (time.perf_counter() - start) * 1000
        cache_mib, folder_mib = mib_in(work / "cache"), mib_in(folder)
        print(f"  first search, which builds the index: {first_ms:,.0f} ms, peak {peak:.0f} MiB;"
              f" cache {cache_mib:,.0f} MiB for a folder of {folder_mib:,.0f} MiB")
        first_runs(commands, env)
        rounds(commands, runs, env, lambda text: None)
        for command in commands:
            figures = spread(command.samples_ms)
            print(f"  {command.key:5}{command.shown:52}  {figures['median']:8.1f}"
                  f"  {figures['min']:7.1f}  {figures['max']:7.1f}")
        edits = edit_rounds(commands[3], folder, template, runs, env, lambda text: None, size,
                            tips_too=False)
        for key in ("E", "Ce"):
            figures = spread(edits[key])
            print(f"  {key:5}{'after one edit' if key == 'E' else 'then again':52}"
                  f"  {figures['median']:8.1f}  {figures['min']:7.1f}  {figures['max']:7.1f}")
    samples = {command.key: command.samples_ms for command in commands}
    samples.update(edits)
    found = {}
    for target in HUGE_TARGETS:
        ratios = round_ratios(samples[target.numerator], samples[target.denominator])
        value = statistics.median(ratios)
        found[target.name] = {"value": round(value, 4), "min": round(min(ratios), 4),
                              "max": round(max(ratios), 4), "target": target.limit,
                              "met": value <= target.limit}
        print(f"  {target.name:10} {value:6.2f}  {min(ratios):.2f}-{max(ratios):.2f}  <= "
              f"{target.limit:<4.2f}  {verdict(value, target.limit):7}  {target.meaning}")
    return {"machine": machine, "size": size, "runs": runs,
            "first_build_ms": round(first_ms, 1), "first_build_peak_mib": round(peak, 1),
            "cache_mib": round(cache_mib, 1), "folder_mib": round(folder_mib, 1),
            "commands": {c.key: spread(c.samples_ms) for c in commands},
            "edits": {key: spread(runs) for key, runs in edits.items()}, "ratios": found}


def verdict(value: float, limit: float) -> str:
    """Whether a ratio is within its target, in the words the report uses."""
    return "met" if value <= limit else "not met"


# -- the session -----------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line: how many rounds, and where to save the figures."""
    parser = argparse.ArgumentParser(
        description="Time acuinfo's start-up against Python importing Typer and Rich.")
    parser.add_argument("--runs", type=int, default=15,
                        help="alternating rounds to take the median of (default 15)")
    parser.add_argument("--first-builds", type=int, default=1, metavar="N",
                        help="first builds to time for each number of workers (default 1)")
    parser.add_argument("--huge", type=int, metavar="N",
                        help="instead, time one generated folder of N conditions (100000 for "
                             "the large-folder targets; it takes many minutes)")
    parser.add_argument("--json", type=Path, metavar="PATH",
                        help="also save every figure, ratio, target and the machine as JSON")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary knowledge folders and print where they are")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def acuinfo_script() -> Path:
    """The acuinfo beside this Python, so the installation measured is the one in use."""
    script = Path(sys.executable).parent / "acuinfo"
    if not script.is_file():
        raise SystemExit(f"no acuinfo script beside {sys.executable}: install acuinfo into "
                         "this environment first (see README.md), or run this script with "
                         "the Python of the environment it is installed in")
    return script


@contextlib.contextmanager
def workspace(keep: bool) -> Iterator[Path]:
    """A temporary folder for the knowledge folders, cache and user folder."""
    if keep:
        path = Path(tempfile.mkdtemp(prefix="acuinfo-bench-"))
        print(f"keeping {path}")
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="acuinfo-bench-") as name:
        yield Path(name)


def print_machine(machine: dict[str, object], versions: dict[str, str | None]) -> None:
    """The machine first, so that nobody compares figures from two machines unawares."""
    usable = machine["usable_cores"]
    print("acuinfo start-up benchmark")
    print(f"  platform  {machine['platform']}")
    print(f"  cpu       {machine['cpu']}, {machine['cores']} cores"
          + (f" ({usable} usable)" if usable not in (None, machine["cores"]) else ""))
    print(f"  python    {machine['python']} ({machine['executable']})")
    print("  packages  " + ", ".join(f"{name} {v}" for name, v in versions.items() if v))
    print()


def install_stamp() -> int:
    """The newest modification time in the installed acuinfo package: if it changes during
    the run, someone reinstalled acuinfo and the figures mix two versions."""
    spec = importlib.util.find_spec("acuinfo")
    if spec is None or not spec.submodule_search_locations:
        return 0
    newest = 0
    for location in spec.submodule_search_locations:
        for folder, _, names in os.walk(location):
            for name in names:
                with contextlib.suppress(OSError):
                    newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
    return newest


def make_commands(acuinfo: str, folders: dict[int, Path]) -> list[Command]:
    """F, A (and A in Spanish and Chinese), B, C and D, which have targets, F0 and Ac for
    reference, then listings of the
    smaller folders, which show how listing grows with the folder."""

    def short(size: int) -> str:
        return f"<{size // 1000}k>" if size >= 1000 else f"<{size}>"

    big = SIZES[-1]
    data = ["--data-dir", str(folders[big])]
    return [
        Command("F", "floor: Python importing Typer and Rich",
                [sys.executable, "-c", "import typer, rich.console"],
                'python -c "import typer, rich.console"'),
        Command("F0", "floor, exiting as acuinfo does: no last garbage collection",
                [sys.executable, "-c", "import gc, typer, rich.console; gc.freeze()"],
                'python -c "import gc, typer, rich.console; gc.freeze()"'),
        Command("A", "one condition, built-in knowledge only",
                [acuinfo, "condition", "neck-pain"], "acuinfo condition neck-pain"),
        Command("Ac", "one condition, coloured as for a terminal (Rich's console loaded)",
                [acuinfo, "condition", "neck-pain"], "FORCE_COLOR=1 acuinfo condition neck-pain",
                env={"FORCE_COLOR": "1"}),
        Command("Aes", "one condition in Spanish, built-in knowledge only",
                [acuinfo, "--lang", "es", "condition", "neck-pain"],
                "acuinfo --lang es condition neck-pain"),
        Command("Azh", "one condition in Chinese, built-in knowledge only",
                [acuinfo, "--lang", "zh-Hans", "condition", "neck-pain"],
                "acuinfo --lang zh-Hans condition neck-pain"),
        Command("B", f"one condition, {big:,} more conditions in a folder",
                [acuinfo, *data, "condition", "neck-pain"],
                f"acuinfo --data-dir {short(big)} condition neck-pain"),
        Command("C", f"search, {big:,} more conditions, index already built",
                [acuinfo, *data, "search", SEARCH_WORDS],
                f'acuinfo --data-dir {short(big)} search "{SEARCH_WORDS}"'),
        Command("D", f"list every condition, {big:,} more",
                [acuinfo, *data, "conditions"], f"acuinfo --data-dir {short(big)} conditions"),
        *(Command(f"D{short(size)[1:-1]}", f"list every condition, {size:,} more",
                  [acuinfo, "--data-dir", str(folders[size]), "conditions"],
                  f"acuinfo --data-dir {short(size)} conditions")
          for size in SIZES[:-1]),
    ]


def first_runs(commands: Sequence[Command], env: dict[str, str]) -> dict[str, float]:
    """Each command's first run, kept out of the medians: it fills caches (C's builds the
    search index). Also checks that search and the list really read the big folder."""
    first = {}
    for command in commands:
        first[command.key], output = run_once(command.argv, {**env, **command.env})
        if command.key == "C" and "(condition)" not in output:
            raise BenchFailed(f"search found no condition; it printed:\n{output}")
        if command.key == "D":
            last = condition_names(SIZES[-1])["title"]
            if last not in output:
                raise BenchFailed(f"acuinfo conditions did not list {last!r}; it printed:\n"
                                  + "\n".join(output.splitlines()[:20]))
    return first


def round_ratios(numerators: Sequence[float], denominators: Sequence[float]) -> list[float]:
    """The ratio of each round's two figures, taken back to back: a slow patch of the
    machine then slows both alike, where a ratio of two separate medians would not."""
    return [top / bottom for top, bottom in zip(numerators, denominators, strict=True)]


def ratio_rows(samples: dict[str, list[float]]) -> dict[str, dict[str, object]]:
    """Each target's ratio (the median of its per-round ratios, with their spread), its
    limit, and whether it is met, printed and returned."""
    rows: dict[str, dict[str, object]] = {}
    print(f"  {'ratio':10} {'value':>6}  {'spread':>11}  {'target':>7}")

    def row(name: str, numerator: str, denominator: str) -> tuple[float, str]:
        ratios = round_ratios(samples[numerator], samples[denominator])
        value = statistics.median(ratios)
        rows[name] = {"value": round(value, 4), "min": round(min(ratios), 4),
                      "max": round(max(ratios), 4), "rounds": len(ratios)}
        return value, f"{min(ratios):.2f}-{max(ratios):.2f}"

    for target in TARGETS:
        value, shown = row(target.name, target.numerator, target.denominator)
        rows[target.name].update(target=target.limit, met=value <= target.limit,
                                 meaning=target.meaning)
        print(f"  {target.name:10} {value:6.2f}  {shown:>11}  <= {target.limit:<4.2f}  "
              f"{verdict(value, target.limit):7}  {target.meaning}")
    for name, numerator, denominator in LIKE_FOR_LIKE:
        value, shown = row(name, numerator, denominator)
        rows[name].update(target=None, met=None, meaning="for reference (see bench/README.md)")
        print(f"  {name:10} {value:6.2f}  {shown:>11}  {'':17} for reference")
    return rows


def session(args: argparse.Namespace) -> dict[str, object]:
    """Build the folders, check them, time every command and report against the targets."""
    began = time.perf_counter()
    acuinfo = str(acuinfo_script())
    versions = package_versions()
    machine = machine_info(versions)
    print_machine(machine, versions)
    stamp = install_stamp()

    def progress(text: str) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(text)
            sys.stderr.flush()

    with workspace(args.keep) as work:
        env = bench_env(work)
        template = condition_template()
        started = time.perf_counter()
        folders = {size: work / f"knowledge-{size}" for size in SIZES}
        for size, folder in folders.items():
            build_folder(folder, size, template)
        built_s = time.perf_counter() - started
        print(f"knowledge folders of {', '.join(f'{n:,}' for n in SIZES)} conditions, "
              f"{TIPS_PER_CONDITION} tips each, built in {built_s:.1f} s")
        small = str(folders[SIZES[0]])
        run_once([acuinfo, "--data-dir", small, "validate", small], env)
        print(f"  the {SIZES[0]}-condition folder passes acuinfo validate")

        commands = make_commands(acuinfo, folders)
        by_key = {command.key: command for command in commands}
        first = first_runs(commands, env)
        print(f"  first search, which builds the index: {first['C']:,.0f} ms")
        print()

        languages = ("Aes", "Azh")
        main_rounds = [c for c in commands if c.key not in languages]
        keys = ", ".join(c.key for c in main_rounds)
        runs_in_language = args.runs * LANGUAGE_ROUNDS
        print(f"{args.runs} alternating rounds of {keys}, then {runs_in_language} of "
              f"Aen (A again), {', '.join(languages)}; wall-clock ms, output to a pipe")
        rounds(main_rounds, args.runs, env, progress)
        english = Command("Aen", by_key["A"].label, by_key["A"].argv, by_key["A"].shown)
        in_language = language_rounds([english, *(by_key[key] for key in languages)],
                                      runs_in_language, env, progress)
        for key in languages:
            by_key[key].samples_ms = in_language[key]
        width = max(len(c.shown) for c in commands)
        print(f"  {'':4}{'command':{width}}  {'median':>8}  {'min':>7}  {'max':>7}  {'1st run':>8}")
        for command in commands:
            figures = spread(command.samples_ms)
            print(f"  {command.key:4}{command.shown:{width}}  {figures['median']:8.1f}"
                  f"  {figures['min']:7.1f}  {figures['max']:7.1f}  {first[command.key]:8.1f}")
        print()

        print(f"{args.runs} rounds of an edit, an addition, a removal and an edit of tips, "
              "each search followed by the same search with the index current")
        edits = edit_rounds(by_key["C"], folders[SIZES[-1]], template, args.runs, env, progress)
        for key, label in (("E", "after one edit"), ("Ce", "then again"),
                           ("E+", "after one addition"), ("C+", "then again"),
                           ("E-", "after one removal"), ("C-", "then again"),
                           ("Et", "after one file of tips is edited"), ("Ct", "then again")):
            figures = spread(edits[key])
            print(f"  {key:4}{label:{width}}  {figures['median']:8.1f}"
                  f"  {figures['min']:7.1f}  {figures['max']:7.1f}")
        print()

        print(f"first search over {SIZES[-1]:,} new conditions, empty cache "
              f"(median of {args.first_builds} each)")
        builds = first_builds(by_key["C"], args.first_builds, work, env)
        for key, build in builds.items():
            workers = build["workers"]
            print(f"  {key:4}{f'{workers} worker' + ('s' if workers > 1 else ''):{width}}  "
                  f"{build['median_ms']:8.1f} ms  peak {build['peak_mib']:6.1f} MiB")
        best = builds[f"G{FIRST_BUILD_WORKERS[-1]}"]
        scaling = builds["G1"]["median_ms"] / best["median_ms"]
        print(f"  G with {FIRST_BUILD_WORKERS[-1]} workers: {best['median_ms']:,.0f} ms, <= "
              f"{FIRST_BUILD_LIMIT_MS:,.0f} {verdict(best['median_ms'], FIRST_BUILD_LIMIT_MS)}; "
              f"peak {best['peak_mib']:.0f} MiB, <= {FIRST_BUILD_LIMIT_MIB:.0f} "
              f"{verdict(best['peak_mib'], FIRST_BUILD_LIMIT_MIB)}; "
              f"G1/G{FIRST_BUILD_WORKERS[-1]} {scaling:.2f}")
        folder_mib = mib_in(folders[SIZES[-1]])
        print(f"  cache after it: {best['cache_mib']:,.1f} MiB for a folder of "
              f"{folder_mib:,.1f} MiB, {best['cache_mib'] / folder_mib:.2f} times, <= 1.00 "
              f"{verdict(best['cache_mib'] / folder_mib, 1.0)}")
        print()

        memory: dict[str, list[float]] = {"A": [], "B": []}
        for _ in range(MEMORY_RUNS):
            for key, samples in memory.items():
                samples.append(peak_mib(by_key[key].argv, env))
        print(f"peak memory (the process's own VmHWM), median of {MEMORY_RUNS} runs each")
        for key, samples in memory.items():
            print(f"  {key:4}{by_key[key].shown:{width}}  {statistics.median(samples):8.1f} MiB")
        print()

    samples = {command.key: command.samples_ms for command in commands}
    samples["Aen"] = in_language["Aen"]
    samples.update(edits)
    samples.update({f"mem{key}": runs for key, runs in memory.items()})
    ratios = ratio_rows(samples)
    met = sum(bool(row["met"]) for row in ratios.values() if row["target"] is not None)
    reinstalled = install_stamp() != stamp
    took = time.perf_counter() - began
    print()
    if reinstalled:
        print("warning: acuinfo was reinstalled while this ran; the figures mix two versions, "
              "so run it again")
    print(f"{met} of {len(TARGETS)} targets met; the benchmark took {took:.0f} s")

    return {
        "machine": machine,
        "settings": {"runs": args.runs, "memory_runs": MEMORY_RUNS, "sizes": list(SIZES),
                     "tips_per_condition": TIPS_PER_CONDITION, "search": SEARCH_WORDS},
        "commands": {c.key: {"label": c.label, "command": c.shown,
                             **{f"{k}_ms": round(v, 3) for k, v in spread(c.samples_ms).items()},
                             "first_run_ms": round(first[c.key], 3),
                             "samples_ms": [round(s, 3) for s in c.samples_ms]}
                     for c in commands},
        "first_search_ms": round(first["C"], 3),
        "first_builds": builds,
        "folder_mib": round(folder_mib, 1),
        "edits": {key: {**{f"{k}_ms": round(v, 3) for k, v in spread(runs).items()},
                        "samples_ms": [round(x, 3) for x in runs]}
                  for key, runs in edits.items()},
        "memory": {key: {"command": by_key[key].shown,
                         "median_mib": round(statistics.median(samples), 3),
                         "samples_mib": [round(s, 3) for s in samples]}
                   for key, samples in memory.items()},
        "ratios": ratios,
        "targets_met": met,
        "reinstalled_during_run": reinstalled,
        "folders_built_s": round(built_s, 3),
        "took_s": round(took, 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 whatever the figures, 1 when a command failed."""
    args = parse_args(argv)
    try:
        report = huge_session(args.huge, args.runs) if args.huge else session(args)
    except BenchFailed as failure:
        print(f"\n{failure}", file=sys.stderr)
        if isinstance(failure, CommandFailed):
            if failure.stdout.strip():
                print(failure.stdout.rstrip(), file=sys.stderr)
            print(failure.stderr.rstrip() or "(nothing on standard error)", file=sys.stderr)
        return 1
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"saved {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
