"""Variety (issue 13 §4): over a 2-hour run of 20,000 accounts, posts and replies read like
different people — most texts distinct, and next to no text posted by two accounts within an
hour (shares aside). Figures per seed: `python -m uproar.benchmarks.variety`."""

from __future__ import annotations

import pytest

from uproar.benchmarks.variety import run


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
@pytest.mark.parametrize("seed", [1, 2])
def test_posts_and_replies_are_varied(name, seed):
    result = run(name, seed, population=20000, minutes=120)
    lang = "fr" if name.startswith("fr") else "en"
    figures = result[lang]
    assert figures["items"] > 8000
    assert figures["distinct_share"] >= 0.6, figures
    assert figures["duplicates_within_hour"] == 0, figures  # nobody says what another said within the hour


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_replies_to_a_message_and_talk_of_its_broken_promise_are_not_repeated(name):
    """A good early response whose 3 pm update never comes: replies under it pick up its words and
    the broken promise is talked about everywhere — still nobody says what another said."""
    result = run(name, 1, population=20000, minutes=120, message=True)
    figures = result["fr" if name.startswith("fr") else "en"]
    assert result["replies_under_message"] >= 150, result  # observed 200–350
    assert figures["duplicates_within_hour"] == 0, figures  # 160–560 when replies were drawn from a list


def test_french_and_english_are_equally_rich():
    fr = run("fr-usine-chimique", 1, population=20000, minutes=120)["fr"]
    en = run("en-retail-breach", 1, population=20000, minutes=120)["en"]
    assert abs(fr["distinct_share"] - en["distinct_share"]) < 0.05, (fr, en)
