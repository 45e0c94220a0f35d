"""The memos shared across articles: built on first look-up, bounded, emptied on request, and never a
change in what is extracted."""

from __future__ import annotations

import newsdiff
from newsdiff.memo import Memo, clear_memos


def test_a_memo_builds_each_key_once_and_stays_within_its_size():
    built: list[int] = []

    def square(n: int) -> int:
        built.append(n)
        return n * n

    memo = Memo(square, size=3)
    assert [memo[2], memo[2], memo[3]] == [4, 4, 9]
    assert built == [2, 3]
    for n in range(10):
        assert memo[n] == n * n
    assert len(memo) <= 3
    clear_memos()
    assert len(memo) == 0


def test_extraction_is_the_same_with_memos_cold_or_warm():
    text = (
        "Foreign Secretary Boris Johnson met Sergei Lavrov in Moscow on Friday.\n\n"
        "“We have real differences,” Mr Johnson said. Russia denied meddling in the US, Germany and France.\n\n"
        "More than five million people watched, said the Kremlin."
    )
    article = newsdiff.load_text(text, title="Johnson in Moscow", published="2017-12-22")
    clear_memos()
    cold = newsdiff.extract(article)
    warm = newsdiff.extract(article)
    assert cold.quotes and cold.claims
    assert (cold.quotes, cold.claims) == (warm.quotes, warm.claims)
