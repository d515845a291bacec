"""Shared helpers: small crowds, several seeds, margins that noise cannot cross."""

from __future__ import annotations

import re

import numpy as np
import pytest

from uproar import CrisisModel, load_scenario

SEEDS = (1, 2, 3)
SMALL = 6000
#: telling a claim as hearsay or as something the organisation keeps quiet about (English)
HEARSAY = re.compile(r"\b(?:apparently|if (?:it'?s|it is) (?:true|confirmed)|rumou?r|unconfirmed|to be (?:confirmed|"
                     r"verified)|says nothing|nobody (?:says|tells)|hiding|is it true|can anyone confirm|official denial|"
                     r"hearing that|just (?:found out|heard|been told)|reliable source|word on the street|going (?:round|"
                     r"around)|people are saying|some say|seen this|heard that|someone said)\b", re.IGNORECASE)


@pytest.fixture(scope="session")
def fr_scenario():
    return load_scenario("fr-usine-chimique")


@pytest.fixture(scope="session")
def en_scenario():
    return load_scenario("en-retail-breach")


def run_model(scenario, seed: int, minutes: int, messages=(), population: int = SMALL, **kw) -> CrisisModel:
    model = CrisisModel(scenario, rng=seed, population=population, **kw)
    for m in messages:
        model.post(**m)
    model.run_for(minutes)
    return model


def window_mean(model: CrisisModel, group: str | None, emotion: str, start: int, stop: int) -> float:
    """Mean feeling of a group (or everyone) over minutes [start, stop)."""
    from uproar.model.taxonomy import EMOTIONS, GROUPS

    means = np.stack(model.timeline_means)[start:stop]
    e = EMOTIONS.index(emotion)
    if group is None:
        sizes = model.population.group_sizes()
        return float((means[:, :, e] * sizes).sum(axis=1).mean() / sizes.sum())
    return float(means[:, GROUPS.index(group), e].mean())
