"""Which language to speak: a language tag from the command line, from ACUINFO_LANG, or
from the locale variables, as the tldr client specification reads them.

A locale name such as ``es_MX.UTF-8`` or ``zh_CN`` becomes the tag acuinfo uses for
its knowledge: ``es``, ``zh-Hans``. The locale variables are read in the order
LANGUAGE (a list, colon-separated), LC_ALL, LC_MESSAGES, LANG; the values C and
POSIX say nothing of a language and are passed over.
"""

from __future__ import annotations

from collections.abc import Mapping

ENGLISH = "en"
# The name of each language acuinfo has words for, in English (``say`` gives it in the
# reader's language); another tag is named by itself.
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "zh-Hans": "Simplified Chinese"}
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

# Chinese is told apart by script, as its knowledge files are: mainland China and
# Singapore write Simplified characters; Taiwan, Hong Kong and Macau, Traditional.
_SIMPLIFIED = {"cn", "sg", "my", "hans"}
_TRADITIONAL = {"tw", "hk", "mo", "hant"}


def language_name(tag: str) -> str:
    """The English name of the language ``tag`` ("es" is "Spanish")."""
    return LANGUAGE_NAMES.get(tag, tag)


def language_tag(name: str) -> str | None:
    """The language tag a locale or language name stands for (``es_ES.UTF-8`` is ``es``,
    ``zh_CN`` and ``zh-Hans`` are ``zh-Hans``), or None for none (``C``, ``POSIX``, "")."""
    name = name.strip().split(".")[0].split("@")[0]
    if name in ("", "C", "POSIX"):
        return None
    parts = name.replace("_", "-").split("-")
    language = parts[0].lower()
    if not language.isascii() or not language.isalpha():
        return None
    rest = {part.lower() for part in parts[1:]}
    if language == "zh":
        if rest & _TRADITIONAL:
            return "zh-Hant"
        return "zh-Hans"  # plain "zh" is most often Simplified
    return language


def from_environment(environment: Mapping[str, str]) -> list[str]:
    """The languages the locale variables ask for, in order of preference, each once."""
    found: list[str] = []
    for variable in LOCALE_VARIABLES:
        for value in environment.get(variable, "").split(":"):
            tag = language_tag(value)
            if tag is not None and tag not in found:
                found.append(tag)
    return found


def chosen(asked: str | None, environment: Mapping[str, str],
           available: list[str]) -> tuple[str, str | None]:
    """The language to speak, and a note to show when the environment asked for one
    there is no knowledge in (acuinfo then speaks English).

    ``asked`` is ``--lang`` or ACUINFO_LANG; the caller has checked that an ``--lang``
    is one of ``available``. Without it, the first language the locale variables ask
    for that is available wins; English if they ask for none."""
    if asked:
        tag = language_tag(asked) or ENGLISH
        if tag in available:
            return tag, None
        return ENGLISH, (f"there is no knowledge in {asked!r} (ACUINFO_LANG), so acuinfo "
                         f"speaks English; it has {', '.join(available)}")
    wanted = from_environment(environment)
    for tag in wanted:
        if tag in available:
            return tag, None
    if wanted and wanted[0] != ENGLISH:
        return ENGLISH, (f"there is no knowledge in {wanted[0]!r} (from your locale), so "
                         f"acuinfo speaks English; it has {', '.join(available)}. "
                         "Choose one with --lang or ACUINFO_LANG")
    return ENGLISH, None
