"""acuinfo in Spanish and Simplified Chinese: the language chosen as the tldr client
specification says, translations that keep every fact of the English, and English
where a translation is missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from acuinfo.base import languages
from acuinfo.knowledge.translating import NAMES
from acuinfo.knowledge.translation_checks import check_translation, translation_files

from conftest import DATA, TRACEBACK

LANGUAGES = ["es", "zh-Hans"]
TRANSLATED = {language: sorted(path.relative_to(DATA / "translations" / language).as_posix()
                               for path in (DATA / "translations" / language).rglob("*.yaml"))
              for language in LANGUAGES}
CONDITIONS = sorted(p.stem for p in (DATA / "conditions").glob("*.yaml"))


@pytest.mark.parametrize("value, tag", [
    ("es_ES.UTF-8", "es"), ("es_MX", "es"), ("es", "es"), ("zh_CN.UTF-8", "zh-Hans"),
    ("zh_SG", "zh-Hans"), ("zh-Hans", "zh-Hans"), ("zh_Hans_CN", "zh-Hans"),
    ("zh_TW", "zh-Hant"), ("en_GB.UTF-8", "en"), ("C", None), ("POSIX", None), ("", None),
    ("C.UTF-8", None),
])
def test_locale_names_become_language_tags(value, tag):
    assert languages.language_tag(value) == tag


def test_the_locale_variables_are_read_in_order():
    environment = {"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "es_ES", "LC_ALL": "C",
                   "LANGUAGE": "fr:es"}
    assert languages.from_environment(environment) == ["fr", "es", "zh-Hans"]
    assert languages.chosen(None, environment, ["en", "es", "zh-Hans"]) == ("es", None)
    assert languages.chosen(None, {"LANG": "C"}, ["en", "es"]) == ("en", None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_file_is_translated(language):
    english = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yaml")
                     if "translations" not in p.parts and p.name != "sources.yaml")
    assert TRANSLATED[language] == english


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_keeps_the_facts_of_its_english_file(language):
    """The shape, every id and source, the signs at each level of urgency, every number,
    and the header that says what it translates (the checks validate runs)."""
    from acuinfo.knowledge.checks import _record_type
    from acuinfo.knowledge.folders import builtin_folder

    root = builtin_folder().root
    found = list(translation_files(root))
    assert len(found) == len(TRANSLATED[language]) * len(LANGUAGES)
    for lang, relative, entry in found:
        if lang == language:
            problems = check_translation(lang, relative, entry, root / relative,
                                         _record_type(relative))
            assert [p for p in problems if not p.warning] == [], (relative, problems)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", CONDITIONS)
def test_the_same_warning_signs_sources_and_numbers(language, slug):
    english = yaml.safe_load((DATA / "conditions" / f"{slug}.yaml").read_text())
    translated = yaml.safe_load(
        (DATA / "translations" / language / "conditions" / f"{slug}.yaml").read_text())
    for level, signs in english["red_flags"].items():
        assert len(translated["red_flags"][level]) == len(signs), (level, slug)
    assert set(translated["red_flags"]) == set(english["red_flags"])
    for part in ("acupuncture", "evidence"):
        assert translated[part].get("sources", english[part].get("sources")) == \
            english[part].get("sources"), part
    numbers = figures(yaml.safe_dump(
        {k: v for k, v in english.items() if k not in ("reviewed", "review_due")}))
    shown = figures(yaml.safe_dump(translated, allow_unicode=True)
                    .translate({0xFF10 + d: ord("0") + d for d in range(10)}))
    assert numbers - shown == set(), slug


def figures(text: str) -> set[str]:
    """The numbers of ``text``, each whole: 5,121 (English, Chinese) and 20 827 (Spanish,
    with a no-break space) as 5121 and 20827."""
    return set(re.findall(r"\d+(?:\.\d+)?", re.sub(r"(?<=\d)[,\u00a0](?=\d{3}(?!\d))", "",
                                                   text)))


def paired_texts(language: str):
    """Every English text of the built-in files beside its translation, by place (names
    and keywords are each language's own)."""
    for relative in TRANSLATED[language]:
        english = yaml.safe_load((DATA / relative).read_text(encoding="utf-8"))
        translated = yaml.safe_load(
            (DATA / "translations" / language / relative).read_text(encoding="utf-8"))
        pairs = [(english, translated)]
        while pairs:
            mine, theirs = pairs.pop()
            if isinstance(mine, str) and isinstance(theirs, str):
                yield relative, mine, theirs
            elif isinstance(mine, dict) and isinstance(theirs, dict):
                pairs += [(mine[key], theirs[key]) for key in mine
                          if key in theirs and key not in NAMES]
            elif isinstance(mine, list) and isinstance(theirs, list):
                pairs += list(zip(mine, theirs, strict=False))  # by id where lengths differ


# Tingling (pins and needles) is a warning sign of cauda equina and of a trapped nerve.
# Chinese 刺痛 reads as a stabbing pain, which these files use it for, so a reader with
# pins and needles and no pain might not know the sign as theirs.
TINGLING = {"es": ("hormigueo",), "zh-Hans": ("针刺感", "麻")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_tingling_is_never_translated_as_a_stabbing_pain(language):
    found = 0
    for relative, english, translated in paired_texts(language):
        if re.search(r"\btingl", english, re.IGNORECASE):
            found += 1
            assert any(word in translated for word in TINGLING[language]), (relative, translated)
            if not re.search(r"\b(sharp|stab|prick)", english, re.IGNORECASE):
                assert "刺痛" not in translated, (relative, translated)
    assert found > 20


# The sign of cauda equina is numbness where a saddle would touch: the English "bottom"
# is the buttocks as well as the anus, and a reader whose buttocks are numb must not
# think the sign is not theirs.
SADDLE = {"es": ("genitales", "ano", "nalgas"), "zh-Hans": ("生殖器", "肛门", "臀部")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_saddle_numbness_sign_names_the_buttocks(language):
    genitals, anus, buttocks = SADDLE[language]
    seen = 0
    for path in (DATA / "translations" / language).rglob("*.yaml"):
        for line in yaml.safe_dump(yaml.safe_load(path.read_text(encoding="utf-8")),
                                   allow_unicode=True, width=10**6).splitlines():
            if genitals in line and re.search(rf"\b{anus}\b" if language == "es" else anus,
                                              line):
                seen += 1
                assert buttocks in line, (path.name, line)
    assert seen >= 20


def page_text(language: str, slug: str) -> str:
    data = yaml.safe_load(
        (DATA / "translations" / language / "conditions" / f"{slug}.yaml").read_text())
    data.pop("translation")
    texts = []

    def walk(value, key=""):
        if isinstance(value, str) and key not in ("slug", "rating"):
            texts.append(value.strip())
        elif isinstance(value, dict):
            for k, v in value.items():
                if k not in ("aliases", "keywords", "sources", "related"):
                    walk(v, k)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)

    walk(data)
    end = "。" if language.startswith("zh") else "."
    stops = (".", "?", "!", ":", "。", "\uff1f", "\uff01", "\uff1a")
    return " ".join(t if t.endswith(stops) else t + end for t in texts)


@pytest.mark.parametrize("slug", CONDITIONS)
def test_spanish_pages_are_fairly_easy_to_read(slug):
    """Fernández-Huerta 70 or more and Szigriszt-Pazos (INFLESZ) 65 or more: the "fairly
    easy" band or easier."""
    import textstat

    textstat.set_lang("es")
    try:
        text = page_text("es", slug)
        assert textstat.fernandez_huerta(text) >= 70, slug
        assert textstat.szigriszt_pazos(text) >= 65, slug
    finally:
        textstat.set_lang("en_US")


@pytest.mark.parametrize("slug", CONDITIONS)
def test_chinese_pages_keep_their_sentences_short(slug):
    text = page_text("zh-Hans", slug)
    sentences = [s for s in re.split("[。\uff01\uff1f]", text) if s.strip()]
    average = sum(len(re.sub(r"\s", "", s)) for s in sentences) / len(sentences)
    assert average < 25, (slug, average)


def test_an_explicit_language_the_knowledge_lacks_is_a_usage_error(run_script):
    result = run_script("--lang", "fr", "condition", "neck-pain")
    assert result.returncode == 2
    assert "acuinfo has no knowledge in 'fr'; it has en, es, zh-Hans" in result.stderr
    assert TRACEBACK not in result.stderr


def test_a_language_from_the_locale_falls_back_to_english_with_one_note(run_script):
    env = {"LANG": "fr_FR.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    first = run_script("condition", "neck-pain", env=env)
    assert first.returncode == 0 and first.stdout.startswith("Neck pain")
    assert "there is no knowledge in 'fr'" in first.stderr
    again = run_script("condition", "neck-pain", env=env)
    assert again.stdout.startswith("Neck pain") and again.stderr == "", "said only once"


@pytest.mark.parametrize("env, title", [
    ({"LANG": "es_MX.UTF-8"}, "Dolor de cuello"),
    ({"LC_ALL": "zh_CN.UTF-8"}, "颈痛"),
    ({"LANGUAGE": "zh_SG:es", "LANG": "en_US.UTF-8"}, "颈痛"),
    ({"ACUINFO_LANG": "es", "LANG": "zh_CN.UTF-8"}, "Dolor de cuello"),
    ({"LANG": "C", "LANGUAGE": "es"}, "Dolor de cuello"),
])
def test_the_language_comes_from_the_environment(run_script, env, title):
    full = {"LANG": "", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", **env}
    result = run_script("condition", "neck-pain", env=full)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(title)


@pytest.mark.parametrize("language, title", [("es", "Dolor de cuello"), ("zh-Hans", "颈痛")])
def test_lang_before_or_after_the_command(run_script, language, title):
    for args in (["--lang", language, "condition", "neck-pain"],
                 ["condition", "neck-pain", "--lang", language]):
        result = run_script(*args)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(title)


def test_an_entry_with_no_translation_is_shown_in_english(run_script, clinic):
    good = (DATA / "conditions" / "neck-pain.yaml").read_text()
    folder = clinic("conditions/hip-ache.yaml", re.sub(
        r"(?m)^aliases:\n(?:  - .*\n)+", "aliases: []\n",
        good.replace("slug: neck-pain", "slug: hip-ache").replace("title: Neck pain",
                                                                  "title: Hip ache")))
    result = run_script("-d", str(folder), "--lang", "es", "condition", "hip-ache")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Hip ache")
    assert "aún no está traducido al español, así que se muestra en inglés: Hip ache." \
        in " ".join(result.stdout.split())
    english = run_script("-d", str(folder), "condition", "hip-ache")
    assert "translat" not in english.stdout


@pytest.mark.parametrize("language, words", [
    ("es", "Ningún traductor médico calificado ha revisado todavía esta traducción"),
    ("zh-Hans", "这份译文还没有经过合格的医学翻译审核"),
])
@pytest.mark.parametrize("command", [["condition", "neck-pain"], ["safety"], ["tips"],
                                     ["session"], ["glossary"]])
def test_every_unchecked_translation_says_so_in_its_language(run_script, language, words,
                                                             command):
    result = run_script("--lang", language, *command, "--format", "plain")
    assert result.returncode == 0, result.stderr
    assert words in result.stdout
    assert words not in run_script(*command, "--format", "plain").stdout


def neck_pain_in_spanish_without(field: str, run_script, clinic) -> object:
    """The Spanish neck-pain page, with a translation that leaves ``field`` out."""
    translated = yaml.safe_load(
        (DATA / "translations" / "es" / "conditions" / "neck-pain.yaml").read_text())
    del translated[field]
    folder = clinic("translations/es/conditions/neck-pain.yaml",
                    yaml.safe_dump(translated, allow_unicode=True))
    return run_script("-d", str(folder), "--lang", "es", "condition", "neck-pain",
                      "--format", "plain")


def test_a_field_left_untranslated_is_said_to_be_in_english(run_script, clinic):
    result = neck_pain_in_spanish_without("how_common", run_script, clinic)
    assert result.returncode == 0, result.stderr
    assert "Neck pain is very common" in result.stdout  # the English field
    assert ("Algunas partes de Dolor de cuello aún no están traducidas al español"
            in result.stdout)


def test_validate_warns_when_the_english_changed_after_translation(run_script, clinic,
                                                                   tmp_path):
    english = (DATA / "conditions" / "neck-pain.yaml").read_text()
    translated = (DATA / "translations" / "es" / "conditions" / "neck-pain.yaml").read_text()
    folder = clinic("conditions/neck-pain.yaml", english.replace("It often makes your neck",
                                                                 "It can make your neck"))
    clinic("translations/es/conditions/neck-pain.yaml", translated)
    result = run_script("validate", str(folder))
    assert "warning: the English file conditions/neck-pain.yaml has changed since this was " \
           "translated" in result.stdout
    assert result.returncode == 0


def test_a_translation_may_not_change_a_fact(run_script, clinic):
    english = (DATA / "conditions" / "neck-pain.yaml").read_text()
    translated = yaml.safe_load(
        (DATA / "translations" / "es" / "conditions" / "neck-pain.yaml").read_text())
    translated["evidence"]["rating"] = "good"
    translated["red_flags"]["emergency"] = translated["red_flags"]["emergency"][:-1]
    translated["evidence"]["summary"] = translated["evidence"]["summary"].replace("3.9", "5")
    folder = clinic("conditions/neck-pain.yaml", english)
    clinic("translations/es/conditions/neck-pain.yaml",
           yaml.safe_dump(translated, allow_unicode=True, sort_keys=False))
    result = run_script("validate", str(folder))
    assert result.returncode == 1
    for expected in ("evidence.rating must be as in the English file", "red_flags.emergency has",
                     "lacks the number 3.9"):
        assert expected in result.stdout, expected
    assert Path(folder / "translations").is_dir()


THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")


def test_no_spanish_figure_reads_as_a_decimal():
    """In Spanish a comma marks decimals, so "5,121 mujeres" reads as five and a bit: a
    figure is written 5121, or 229 000 with a no-break space that no line ends inside."""
    for file in sorted((DATA / "translations" / "es").rglob("*.yaml")):
        text = file.read_text(encoding="utf-8")
        assert not THOUSANDS.search(text), file
        assert not re.search(r"\d \d{3}(?!\d)", text), file


@pytest.mark.parametrize("written, expected", [
    ("20,827", r"evidence\.yaml:\d+:\d+: sections\[1\]\.text writes 20,827, which reads as "
               r"a decimal in Spanish \(write 20 827, with a no-break space between groups "
               r"of three\)"),
    ("20.827", r"evidence\.yaml:\d+:\d+: sections\[1\]\.text lacks the number 20,827 of "
               r"the English text"),
    ("20\u00a0827", None),
    ("20\u202f827", None),
    ("20 827", None),
    ("20827", None),
])
def test_a_spanish_figure_is_written_the_spanish_way(run_script, clinic, written, expected):
    english = (DATA / "pages" / "evidence.yaml").read_text(encoding="utf-8")
    translated = (DATA / "translations" / "es" / "pages" / "evidence.yaml").read_text(
        encoding="utf-8")
    assert "20\u00a0827" in translated
    folder = clinic("pages/evidence.yaml", english)
    clinic("translations/es/pages/evidence.yaml", translated.replace("20\u00a0827", written))
    result = run_script("validate", str(folder))
    if expected is None:
        assert result.returncode == 0, result.stdout
        assert "20,827" not in result.stdout
    else:
        assert result.returncode == 1
        assert re.search(expected, result.stdout), result.stdout


@pytest.mark.parametrize("language, written", [("es", "1\u00a0020\u00a0827"), ("es", "1020827"),
                                               ("zh-Hans", "1,020,827")])
def test_a_figure_of_millions_is_one_number(run_script, clinic, language, written):
    """1,020,827 is one figure, not 1,020 and 827: written the way of each language, it is
    the English one."""
    english = (DATA / "pages" / "evidence.yaml").read_text(encoding="utf-8")
    translated = (DATA / "translations" / language / "pages" / "evidence.yaml").read_text(
        encoding="utf-8")
    folder = clinic("pages/evidence.yaml", english.replace("20,827", "1,020,827"))
    ours = "20\u00a0827" if language == "es" else "20,827"
    assert ours in translated
    clinic(f"translations/{language}/pages/evidence.yaml", translated.replace(ours, written))
    result = run_script("validate", str(folder))  # warns that the English has changed
    assert result.returncode == 0, result.stdout
    assert "lacks the number" not in result.stdout


def test_a_chinese_figure_keeps_its_comma(run_script, clinic):
    """Chinese, like English, groups digits with commas: only Spanish reads one as a
    decimal."""
    english = (DATA / "pages" / "evidence.yaml").read_text(encoding="utf-8")
    translated = (DATA / "translations" / "zh-Hans" / "pages" / "evidence.yaml").read_text(
        encoding="utf-8")
    assert "20,827" in translated
    folder = clinic("pages/evidence.yaml", english)
    clinic("translations/zh-Hans/pages/evidence.yaml", translated)
    result = run_script("validate", str(folder))
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("relative, text, expected", [
    # English names given as mappings, under the built-in translation's names
    ("names.yaml", "ambiguous:\n- name: rheumatoid arthritis\n  aliases:\n"
                   "  - name: carpal tunnel syndrome\n",
     "names.yaml:4:5: ambiguous[0].aliases[0] must be text, not a mapping of fields"),
    # a translated id given as a list, over the built-in English tips
    ("translations/es/tips.yaml", "categories:\n- id:\n  - mindfulness\n",
     "categories[0].id must be as in the English file"),
    # a translated term with no id at all
    ("translations/es/glossary.yaml", "terms:\n- term: Trombosis venosa profunda (TVP)\n",
     "translations/es/glossary.yaml"),
])
def test_a_broken_file_under_or_over_a_translation_is_a_problem(invoke, clinic, relative,
                                                                 text, expected):
    """Laying a translation over its English file meets what either holds, however
    broken: a list where a name or an id should be is reported, not a crash."""
    folder = clinic(relative, text)
    result = invoke("-d", str(folder), "validate")
    assert result.exit_code == 1
    assert expected in result.stdout
    assert "inside acuinfo" not in result.output
    assert invoke("-d", str(folder), "--lang", "es", "tips").exit_code in (0, 1)


def test_new_translation_starts_from_the_english_and_validates(run_script, tmp_path):
    folder = tmp_path / "clinic"
    made = run_script("new", "translation", "fr", "neck-pain", "-d", str(folder))
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    assert path == folder / "translations" / "fr" / "conditions" / "neck-pain.yaml"
    text = path.read_text()
    assert "language: fr" in text and "source: conditions/neck-pain.yaml" in text
    assert "translator_review: pending" in text and "\nreviewed:" not in text
    assert run_script("validate", str(folder)).returncode == 0
    shown = run_script("-d", str(folder), "--lang", "fr", "condition", "neck-pain")
    assert shown.returncode == 0 and shown.stdout.startswith("Neck pain")
    again = run_script("new", "translation", "fr", "neck-pain", "-d", str(folder))
    assert again.returncode == 1 and "already exists" in again.stderr


def test_new_translation_of_a_built_in_translation_needs_override(run_script, tmp_path):
    folder = tmp_path / "clinic"
    refused = run_script("new", "translation", "es", "neck-pain", "-d", str(folder))
    assert refused.returncode == 1 and "--override" in refused.stderr
    made = run_script("new", "translation", "es", "neck-pain", "-d", str(folder), "--override")
    assert made.returncode == 0, made.stderr
    assert "Dolor de cuello" in Path(made.stdout.strip()).read_text()
    for wrong in (["en", "neck-pain"], ["es", "no-such-thing"], ["es", "../../etc/passwd"]):
        result = run_script("new", "translation", *wrong, "-d", str(folder))
        assert result.returncode == 1, wrong
        assert TRACEBACK not in result.stderr


def test_about_tells_each_language_s_files_versions_and_review(run_script, clinic):
    result = run_script("about", "--format", "plain")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("Translation into Spanish", "Translation into Simplified Chinese"):
        assert heading in out
    total = len(TRANSLATED["es"])
    assert out.count(f"{total} of {total} files translated. No translation has been checked "
                     "by a qualified medical translator yet.") == 2
    english = (DATA / "conditions" / "neck-pain.yaml").read_bytes()
    header = yaml.safe_load((DATA / "translations" / "es" / "conditions" / "neck-pain.yaml")
                            .read_text())["translation"]
    version, translated = header["source_sha256"], header["translated"].isoformat()
    assert re.search(rf"^conditions/neck-pain\.yaml +{translated} +{version} \(current\) +not yet",
                     out, re.MULTILINE), out
    # The English changed after translation: the about page says so.
    folder = clinic("conditions/neck-pain.yaml", english.decode().replace(
        "It often makes your neck", "It can make your neck"))
    clinic("translations/es/conditions/neck-pain.yaml",
           (DATA / "translations" / "es" / "conditions" / "neck-pain.yaml").read_text())
    changed = run_script("-d", str(folder), "--lang", "es", "about", "--format", "plain").stdout
    assert "Traducción al español" in changed
    assert re.search(rf"^conditions/neck-pain\.yaml +{translated} +{version} "
                     r"\(el inglés cambió después\)", changed, re.MULTILINE), changed


def test_about_names_the_files_shown_in_english(run_script, clinic):
    good = (DATA / "conditions" / "neck-pain.yaml").read_text()
    folder = clinic("conditions/hip-ache.yaml", good.replace("slug: neck-pain", "slug: hip-ache")
                    .replace("title: Neck pain", "title: Hip ache"))
    out = run_script("-d", str(folder), "--lang", "zh-Hans", "about", "--format", "plain").stdout
    total = len(TRANSLATED["zh-Hans"]) + 1
    assert f"共 {total} 个文件，已翻译 {total - 1} 个。" in out
    assert "以下内容仍显示英文：conditions/hip-ache.yaml。" in out


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
@pytest.mark.parametrize("extra", [[], ["--session", "--tips"], ["--red-flags"]])
def test_a_translated_handout_has_every_warning_box_of_the_english(run_script, tmp_path,
                                                                  language, extra):
    """The rules that choose a handout's boxes read English words: a translation must not
    lose a box about what to do if something goes wrong during or after a session."""
    counts = {}
    for lang in ("en", language):
        out = tmp_path / f"{lang}.html"
        result = run_script("--lang", lang, "handout", "neck-pain", *extra, "-o", str(out))
        assert result.returncode == 0, result.stderr
        counts[lang] = out.read_text(encoding="utf-8").count('class="alert"')
    assert counts[language] == counts["en"] >= 4


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
def test_the_session_page_has_every_warning_box_of_the_english(run_script, language):
    english = run_script("session", "-f", "html").stdout.count('class="alert"')
    assert run_script("--lang", language, "session", "-f", "html").stdout.count(
        'class="alert"') == english >= 2


ENGLISH_LINE = re.compile(r"^\s*(?:[-•]\s*)?[A-Z][a-z]+(?: [a-z]+)+[.:]?\s*$", re.MULTILINE)


@pytest.mark.parametrize("command", [
    ["condition", "neck-pain"], ["condition", "sciatica"], ["conditions"], ["session"],
    ["tips"], ["safety"], ["red-flags"], ["evidence"], ["glossary"], ["about"],
    ["search", "颈痛"], ["sources", "vickers-2018"],
])
def test_no_english_heading_or_label_in_a_chinese_page(run_script, command):
    """Every heading, label and note acuinfo writes around the content is in the reader's
    language: in Chinese, a line of English words alone can only be one left behind."""
    result = run_script("--lang", "zh-Hans", *command, "-f", "plain")
    assert result.returncode == 0, result.stderr
    assert ENGLISH_LINE.findall(result.stdout) == []


def test_no_english_heading_or_label_in_a_chinese_handout(run_script, tmp_path):
    out = tmp_path / "handout.txt"
    result = run_script("--lang", "zh-Hans", "handout", "neck-pain", "--session", "--tips",
                        "--safety", "--red-flags", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert ENGLISH_LINE.findall(out.read_text(encoding="utf-8")) == []


def test_a_section_left_in_english_is_marked_in_the_readers_language(run_script, clinic):
    shown = neck_pain_in_spanish_without("symptoms", run_script, clinic).stdout
    assert "\nSíntomas frecuentes (en inglés)\n" in shown
    assert "\nQué es\n" in shown  # a translated section is not marked


def test_a_spanish_handout_keeps_advice_its_english_keeps(run_script, tmp_path):
    """Advice is left out of a handout when another part already holds its meaning words;
    Spanish words such as "de" and "la" hold no meaning, or any two pieces would look alike."""
    shown = {}
    for lang in ("en", "es"):
        out = tmp_path / f"{lang}.txt"
        assert run_script("--lang", lang, "handout", "neck-pain", "--session", "--tips",
                          "-o", str(out)).returncode == 0
        shown[lang] = " ".join(out.read_text(encoding="utf-8").split())
    assert "half hour" in shown["en"]
    assert "cada media hora, levántese" in shown["es"]


@pytest.mark.parametrize("language, kind, checked", [
    ("es", "(página web; id: nccih-in-depth)", r"Consultado el \d+ de [a-z]+ de \d{4}\."),
    ("zh-Hans", "(网页; id: nccih-in-depth)", "核查日期\uff1a\\d{4}年\\d+月\\d+日\u3002"),
])
def test_a_source_is_labelled_in_the_reader_s_language(invoke, language, kind, checked):
    """Its title and the words of its publisher stay as published; what acuinfo says of it
    (its kind, when the page was checked) is in the reader's language."""
    result = invoke("--lang", language, "sources", "nccih-in-depth", "-f", "plain")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert kind in text and re.search(checked, text), text
    assert "Checked" not in text


@pytest.mark.parametrize("words, term", [("针", "电针"), ("疼痛", None), ("什么是电针", "电针"),
                                         ("电针是什么", "电针")])
def test_a_chinese_word_finds_the_glossary_terms_that_hold_it(invoke, words, term):
    """Chinese runs its words together: "针" (needle) is in "电针" as its character, as
    "sham" is in "sham acupuncture"."""
    result = invoke("--lang", "zh-Hans", "glossary", words, "-f", "plain")
    assert result.exit_code == 0, result.output
    if "什么" not in words:  # a question asks for one term, which is then shown
        said = f"有 \\d+ 个词语的名称里有\u201c{words}\u201d"
        assert re.search(said, result.stdout), result.stdout
    if term:
        assert term in result.stdout


@pytest.mark.parametrize("fmt", ["text", "plain", "markdown", "html"])
def test_a_chinese_label_takes_the_full_width_colon(invoke, fmt):
    """A Chinese label (上次审核, last reviewed) is followed by the full-width colon, as
    Chinese writes it, not by the colon and space of English; an English label keeps its
    own."""
    chinese = invoke("--lang", "zh-Hans", "condition", "neck-pain", "-f", fmt).stdout
    assert "上次审核\uff1a" in chinese and "上次审核: " not in chinese
    english = invoke("condition", "neck-pain", "-f", fmt).stdout
    assert "Last reviewed: " in english


@pytest.mark.parametrize("english, translated", [
    ("1,234.5 people", "1234,5 personas"), ("1,020,827", "1\u00a0020\u00a0827"),
    ("3.9 points", "3,9 puntos"), ("5,121 women", "5121 mujeres"), ("229,000", "229,000人"),
])
def test_a_figure_is_the_same_however_each_language_groups_its_digits(english, translated):
    from acuinfo.knowledge.translation_checks import _NUMBER, _figure, _numbers

    figures = {_figure(number) for number in _NUMBER.findall(english)}
    assert figures and figures <= _numbers(translated)
