"""The parse cache: a second look at a file reuses its parse, an edit is seen at once,
and a broken or stale cache is never trusted."""

from __future__ import annotations

import binascii
import marshal
import os
import subprocess
import sys
from pathlib import Path

from conftest import DATA

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")

SHOW_AND_REPORT_YAML = """
import sys
from acuinfo.cli.main import main
sys.argv = ["acuinfo", "condition", "neck-pain"]
try:
    main()
except SystemExit:
    pass
sys.stderr.write("yaml imported: %s\\n" % ("yaml" in sys.modules))
"""


def settle(file: Path) -> None:
    """Date a file's last edit an hour back: a file edited in the last two seconds is not
    cached, since a second edit in the same tick of a coarse clock could go unseen."""
    past = os.stat(file).st_mtime_ns - 3600 * 10**9
    os.utime(file, ns=(past, past))


def show_in_fresh_process(tmp_path: Path) -> str:
    result = subprocess.run([sys.executable, "-c", SHOW_AND_REPORT_YAML], capture_output=True,
                            text=True, cwd=tmp_path, env=dict(os.environ))
    assert result.stdout.startswith("Neck pain")
    return result.stderr


def test_second_run_does_not_parse_yaml(tmp_path):
    assert "yaml imported: True" in show_in_fresh_process(tmp_path)
    assert "yaml imported: False" in show_in_fresh_process(tmp_path)


def test_edit_is_seen_at_once(invoke, clinic):
    folder = clinic("conditions/neck-pain.yaml", GOOD)
    target = folder / "conditions" / "neck-pain.yaml"
    assert invoke("-d", str(folder), "condition", "neck-pain").stdout.startswith("Neck pain\n")
    target.write_text(GOOD.replace("title: Neck pain", "title: Neck ache"), encoding="utf-8")
    os.utime(target, ns=(1, 1))  # same size class of edit on a coarse clock still differs
    assert invoke("-d", str(folder), "condition", "neck-pain").stdout.startswith("Neck ache\n")


def test_problem_in_a_cached_file_still_has_its_line(invoke, clinic):
    """A file whose parse is cached, but which the schema rejects, is reported with the
    line of the field at fault: positions are worked out again when needed."""
    broken = GOOD.replace("title: Neck pain", "title: [Neck, pain]")
    line = broken.splitlines().index("title: [Neck, pain]") + 1
    folder = clinic("conditions/neck-pain.yaml", broken)
    settle(folder / "conditions" / "neck-pain.yaml")
    for _ in range(2):  # the second run reads the cached parse
        result = invoke("-d", str(folder), "condition", "neck-pain")
        assert result.exit_code == 1
        assert f"neck-pain.yaml:{line}:" in result.stderr


def test_corrupt_cache_entries_are_ignored(invoke, tmp_path):
    invoke("condition", "neck-pain")
    entries = sorted((tmp_path / "cache" / "parsed").glob("*.bin"))
    assert entries

    def checked(payload: bytes) -> bytes:  # passes the checksum, so marshal must judge it
        return binascii.crc32(payload).to_bytes(4, "big") + payload

    for number, entry in enumerate(entries):
        good = entry.read_bytes()
        entry.write_bytes([
            b"",
            good[: len(good) // 2],  # half-written
            good[:40] + bytes([good[40] ^ 0xFF]) + good[41:],  # one byte damaged
            checked(b"\xff\x00garbage"),  # not marshal data at all
            checked(marshal.dumps([1, 2, 3])),  # marshal data of the wrong shape
            checked(marshal.dumps((("old", "key"), {"title": "x"}))),  # stale key
        ][number % 6])
    result = invoke("condition", "neck-pain")
    assert result.exit_code == 0
    assert result.stdout.startswith("Neck pain\n")
    assert result.stderr == ""


def test_a_cache_entry_for_another_file_is_not_used(invoke, tmp_path, clinic):
    """Entries are named by a short checksum; one that records another file is a miss."""
    folder = clinic("conditions/neck-pain.yaml", GOOD.replace("title: Neck pain",
                                                              "title: Clinic neck pain"))
    settle(folder / "conditions" / "neck-pain.yaml")
    invoke("condition", "neck-pain")
    first = {p.name: p.read_bytes() for p in (tmp_path / "cache" / "parsed").glob("*.bin")}
    invoke("-d", str(folder), "condition", "neck-pain")
    entries = list((tmp_path / "cache" / "parsed").glob("*.bin"))
    clinic_entry = next(p for p in entries if p.name not in first)
    built_in = next(iter(first.values()))
    clinic_entry.write_bytes(built_in)  # pretend the names collided
    shown = invoke("-d", str(folder), "condition", "neck-pain").stdout
    assert shown.startswith("Clinic neck pain"), "another file's parse was used"


def test_unwritable_cache_folder_is_no_error(invoke, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    result = invoke("condition", "neck-pain", env={"ACUINFO_CACHE_DIR": str(blocker / "x")})
    assert result.exit_code == 0
    assert result.stderr == ""


def test_problem_found_after_the_record_is_built_has_its_line(invoke, clinic):
    """Records keep no parse once built; a problem found later (here an unknown source,
    found while showing the page) reads the file again for its line, whether the file
    was just parsed or came from the cache."""
    cited = "sources: [vickers-2018, macpherson-2005"
    assert cited in GOOD
    broken = GOOD.replace(cited, "sources: [no-such-source, macpherson-2005")
    line = next(number for number, text in enumerate(broken.splitlines(), 1)
                if "no-such-source" in text)
    folder = clinic("conditions/neck-pain.yaml", broken)
    settle(folder / "conditions" / "neck-pain.yaml")
    for _ in range(2):  # parsed now, then from the cache
        result = invoke("-d", str(folder), "condition", "neck-pain")
        assert result.exit_code == 1
        assert f"neck-pain.yaml:{line}:13: cites unknown source 'no-such-source'" in result.stderr


SPANISH = (DATA / "translations" / "es" / "conditions" / "neck-pain.yaml").read_text(
    encoding="utf-8")


def spanish_clinic(clinic, english: str = GOOD, spanish: str = SPANISH) -> Path:
    """A clinic folder holding neck pain and its Spanish translation, both settled so
    that their overlay is cached."""
    folder = clinic("conditions/neck-pain.yaml", english)
    clinic("translations/es/conditions/neck-pain.yaml", spanish)
    for file in (folder / "conditions" / "neck-pain.yaml",
                 folder / "translations" / "es" / "conditions" / "neck-pain.yaml"):
        settle(file)
    return folder


def spanish_title(invoke, folder: Path) -> str:
    result = invoke("-d", str(folder), "--lang", "es", "condition", "neck-pain",
                    "--format", "plain")
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()[0]


def test_a_translation_laid_over_its_english_is_cached_and_read_back(invoke, clinic,
                                                                      tmp_path):
    folder = spanish_clinic(clinic)
    first = invoke("-d", str(folder), "--lang", "es", "condition", "neck-pain")
    entries = set((tmp_path / "cache" / "parsed").glob("*.bin"))
    second = invoke("-d", str(folder), "--lang", "es", "condition", "neck-pain")
    assert first.stdout == second.stdout and first.stdout.startswith("Dolor de cuello")
    assert "Algunas partes" not in first.stdout  # nothing marked as left in English
    # one entry for each file, and one for the pair
    assert set((tmp_path / "cache" / "parsed").glob("*.bin")) == entries
    assert len(entries) >= 3


def test_an_edit_to_the_translation_is_seen_at_once(invoke, clinic):
    folder = spanish_clinic(clinic)
    assert spanish_title(invoke, folder) == "Dolor de cuello"
    target = folder / "translations" / "es" / "conditions" / "neck-pain.yaml"
    target.write_text(SPANISH.replace("title: Dolor de cuello", "title: Dolor del cuello"),
                      encoding="utf-8")
    settle(target)
    assert spanish_title(invoke, folder) == "Dolor del cuello"


def test_an_edit_to_the_english_under_a_translation_is_seen_at_once(invoke, clinic):
    """A field the translation leaves out comes from the English file, edited since."""
    translated = "\n".join(line for line in SPANISH.splitlines()
                           if not line.startswith("title:"))
    folder = spanish_clinic(clinic, spanish=translated)
    assert spanish_title(invoke, folder) == "Neck pain"
    target = folder / "conditions" / "neck-pain.yaml"
    target.write_text(GOOD.replace("title: Neck pain", "title: Neck ache"), encoding="utf-8")
    settle(target)
    assert spanish_title(invoke, folder) == "Neck ache"


def test_an_index_build_keeps_no_parses_and_a_shown_entry_does(invoke, clinic, tmp_path):
    """An index build reads every condition once: keeping each parse cost it a third of
    its time and a copy of the folder on disk. A condition that is shown is kept."""
    for number in range(3):
        folder = clinic(f"conditions/c{number}.yaml", GOOD.replace(
            "slug: neck-pain", f"slug: c{number}").replace("title: Neck pain",
                                                           f"title: Ache {number}"))
    for file in (folder / "conditions").iterdir():
        settle(file)
    parsed = tmp_path / "cache" / "parsed"

    def kept() -> set[str]:
        return {p.name for p in parsed.glob("*.bin")} if parsed.exists() else set()

    invoke("condition", "neck-pain")  # the built-in files that commands read, kept
    invoke("search", "neck")
    before = kept()
    listed = invoke("-d", str(folder), "conditions")
    assert listed.exit_code == 0 and "Ache 1" in listed.stdout
    assert "Ache 2" in invoke("-d", str(folder), "search", "ache", "2").stdout
    assert kept() == before, "the build kept the parses of the files it read"
    assert invoke("-d", str(folder), "condition", "c1").stdout.startswith("Ache 1")
    assert len(kept() - before) == 1


def test_a_line_comes_only_from_the_file_as_it_was_read(tmp_path):
    """A file's positions are worked out by parsing it again when a problem needs one;
    if it has changed since it was read, it gives none rather than lines of what it
    says now. The same file unchanged gives the line."""
    from acuinfo.knowledge.reading import parse_file

    file = tmp_path / "neck-pain.yaml"
    file.write_text("slug: neck-pain\ntitle: Neck pain\n", encoding="utf-8")
    data = parse_file(file, keep=False)
    assert data.positions is None  # none yet: the valid file needed none
    assert data.where(("title",)) == (2, 1)
    data = parse_file(file, keep=False)
    file.write_text("# edited since\nslug: neck-pain\ntitle: Neck pain\n", encoding="utf-8")
    assert data.where(("title",)) == (None, None)
    assert data.problem(("title",), "a problem").file == str(file)
