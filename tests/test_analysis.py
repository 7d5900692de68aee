"""How Spanish and Chinese text is cut into the words search compares."""

from __future__ import annotations

import pytest

from acuinfo.finding.analysis import name_key, name_spans, query_words, tokens


@pytest.mark.parametrize(("typed", "written"), [
    ("ciatica", "ciática"),          # accents optional
    ("musculos", "músculos"),
    ("agujas", "aguja"),             # plural and singular
    ("sesion", "sesiones"),
    ("embarazada", "embarazo"),      # word forms
    ("moreton", "moretones"),
    ("MIGRAÑA", "migraña"),          # case
])
def test_spanish_word_forms_and_accents_meet(typed: str, written: str) -> None:
    assert query_words(typed, "es") == tokens(written, "es")


def test_spanish_queries_drop_words_that_carry_no_meaning() -> None:
    assert query_words("me duelen los músculos de la espalda", "es") == [
        "duel", "muscul", "espald"]
    assert query_words("de la", "es") == ["de", "la"]  # nothing but little words: all kept


def test_spanish_words_differ_where_they_should() -> None:
    assert tokens("cuello", "es") != tokens("hombro", "es")


def test_chinese_text_is_cut_into_characters_and_pairs() -> None:
    assert tokens("颈痛", "zh-Hans") == ["颈", "痛", "颈痛"]
    assert tokens("坐骨神经", "zh-Hans") == ["坐", "骨", "神", "经", "坐骨", "骨神", "神经"]


def test_chinese_queries_need_no_spaces_and_drop_particles() -> None:
    assert query_words("我的脖子痛怎么办？", "zh-Hans")  # noqa: RUF001 - as typed == ["脖子", "子痛"]
    assert query_words("怀孕可以针灸吗", "zh-Hans") == ["怀孕", "针灸"]
    assert query_words("腰", "zh-Hans") == ["腰"]  # one character stands for itself


def test_the_everyday_and_the_written_word_for_pain_are_one() -> None:
    assert query_words("腰疼", "zh-Hans") == query_words("腰痛", "zh-Hans") == ["腰痛"]
    assert name_key("脖子疼", "zh-Hans") == name_key("脖子痛", "zh-Hans")


def test_latin_words_inside_chinese_are_kept_whole() -> None:
    assert tokens("NHS 建议", "zh-Hans") == ["nhs", "建", "议", "建议"]


def test_names_are_keyed_without_accents_in_spanish_and_spaces_in_chinese() -> None:
    assert name_key("Dolor de Cuello", "es") == name_key("dolor de cuello", "es")
    assert name_key("Tortícolis", "es") == "torticolis"
    assert name_key("落枕", "zh-Hans") == "落枕"
    assert name_key("Neck pain", "en") == "neck-pain"


def test_every_run_of_a_chinese_query_may_be_a_name() -> None:
    spans = name_spans("我落枕了", "zh-Hans")
    assert spans["落枕"] == 2
    assert "我" not in spans  # a name has two characters or more
    assert name_spans("tengo tortícolis", "es")["torticolis"] == 1
