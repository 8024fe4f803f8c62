"""ECB+ scorers and systems on small hand-made cases (and the reader on the real files when present)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.evaluate import ecbplus as E


def _c(*groups: str) -> list[frozenset[str]]:
    return [frozenset(g) for g in groups]


def test_muc_b3_ceaf_on_the_textbook_example() -> None:
    # key {a b c} {d e f g}, response {a b} {c d f g} {e}: each figure worked out by hand below
    key = _c("abc", "defg")
    response = _c("ab", "cdfg", "e")
    r, p = E.muc(key, response)
    assert (round(r, 4), round(p, 4)) == (round(3 / 5, 4), round(3 / 4, 4))
    r, p = E.b_cubed(key, response)
    # recall: a,b 2/3 each; c 1/3; d,f,g 3/4 each; e 1/4 -> (4/3 + 1/3 + 9/4 + 1/4) / 7
    assert round(r, 4) == round((2 / 3 * 2 + 1 / 3 + 3 / 4 * 3 + 1 / 4) / 7, 4)
    assert round(p, 4) == round((1 + 1 + 1 / 4 + 3 / 4 * 3 + 1) / 7, 4)
    r, p = E.ceaf_e(key, response)
    sim = 2 * 2 / (3 + 2) + 2 * 3 / (4 + 4)  # {abc}-{ab}, {defg}-{cdfg}
    assert (round(r, 4), round(p, 4)) == (round(sim / 2, 4), round(sim / 3, 4))


def test_perfect_and_singleton_responses() -> None:
    key = _c("ab", "c")
    s = E.score(key, key)
    assert (s.muc[2], s.b3[2], s.ceafe[2], s.conll) == (1.0, 1.0, 1.0, 1.0)
    single = E.score(key, _c("a", "b", "c"))
    assert single.muc[2] == 0.0 and single.b3[0] == pytest.approx(2 / 3)


def test_assignment_finds_the_optimum_not_the_greedy_choice() -> None:
    assert E._assignment([[0.9, 0.8], [0.85, 0.0]]) == pytest.approx(0.8 + 0.85)
    assert E._assignment([[1.0, 0.0, 0.0]]) == 1.0


def _m(doc: str, lemma: str, gold: str, cameo: str | None = None, n: int = 0) -> E.Mention:
    return E.Mention(doc, 1, 0, (n,), lemma, gold, lemma, cameo)


def test_lemma_baseline_and_ours_within_sub_topics() -> None:
    ms = [_m("1_1ecb", "arrest", "A", "173"), _m("1_2ecb", "arrest", "A", "173", 1),
          _m("1_3ecbplus", "arrest", "B", "173", 2), _m("1_2ecb", "detain", "A", "1731", 3)]
    assert E.lemma_baseline(ms) == [0, 0, 0, 1]
    sub = {"1_1ecb": 0, "1_2ecb": 0, "1_3ecbplus": 1}
    got = E.ours(ms, sub)
    assert got[0] == got[1] and got[2] != got[0] and got[3] != got[0]  # 1731 is not 173
    ms[0].cameo = ms[1].cameo = "1731"
    got = E.ours(ms, sub)
    assert got[3] == got[0]  # the same specific CAMEO code


def test_stems_join_nominalisations_and_families_need_shared_arguments() -> None:
    assert [E.event_stem(w) for w in ("shooting", "shoot", "negotiation", "negotiate", "dies", "arrests")] == [
        "shoot", "shoot", "negotiate", "negotiate", "die", "arrest"]
    ms = [_m("1_1ecb", "shooting", "A", None), _m("1_2ecb", "shoot", "A", None, 1),
          _m("1_1ecb", "kill", "B", None, 2), _m("1_2ecb", "death", "B", None, 3),
          _m("1_2ecb", "die", "C", None, 4)]
    ms[2].who, ms[3].who = frozenset({"garza"}), frozenset({"garza", "police"})
    ms[4].who = frozenset({"ortiz"})
    got = E.ours(ms, {"1_1ecb": 0, "1_2ecb": 0})
    assert got[0] == got[1]  # "shooting" and "shoot": one stem
    assert got[2] == got[3] != got[0]  # "killed" and "death" of the same person
    assert got[4] != got[2]  # a death with no participant in common stays apart
    assert len(set(E.ours(ms, {"1_1ecb": 0, "1_2ecb": 0}, families=False))) == 4


def test_subtopics_group_documents_by_shared_words() -> None:
    a = E.Document("1_1ecb", 1, lemmas=E.Counter({"quake": 3, "chile": 2}))
    b = E.Document("1_2ecb", 1, lemmas=E.Counter({"quake": 2, "chile": 1, "toll": 1}))
    c = E.Document("1_3ecbplus", 1, lemmas=E.Counter({"election": 3, "vote": 2}))
    sub = E.subtopics([a, b, c], 0.1)
    assert sub["1_1ecb"] == sub["1_2ecb"] != sub["1_3ecbplus"]


def test_subtopics_join_reports_dated_to_the_same_month() -> None:
    # three reports of fires sharing one word: the two that date their fire to May 2024 are one sub-topic
    a = E.Document("1_1ecb", 1, lemmas=E.Counter({"fire": 1, "warehouse": 3}), month=(2024, 5))
    b = E.Document("1_2ecb", 1, lemmas=E.Counter({"fire": 1, "depot": 3}), month=(2024, 5))
    c = E.Document("1_3ecbplus", 1, lemmas=E.Counter({"fire": 1, "forest": 3}), month=(2024, 8))
    sub = E.subtopics([a, b, c], 0.1)
    assert sub["1_1ecb"] == sub["1_2ecb"] != sub["1_3ecbplus"]
    b.month = (2023, 5)  # the same month of another year is another month
    sub = E.subtopics([a, b, c], 0.1)
    assert len({sub["1_1ecb"], sub["1_2ecb"], sub["1_3ecbplus"]}) == 3


def test_reader_on_the_real_files(shared: Path) -> None:
    root = shared / E.ECBPLUS
    if not root.is_dir():
        pytest.skip("ECB+ is absent from ../shared")
    [doc] = [d for d in E.read_topics(root, [1]) if d.name == "1_10ecbplus"]
    assert doc.sentences and all(m.sentence in doc.sentences for m in doc.mentions)
    assert all(m.gold for m in doc.mentions)
    assert any(not m.gold.startswith(doc.name) for m in doc.mentions)  # some cross-document clusters
