"""Uproar: a crowd on social media that answers your crisis communication.

>>> import uproar
>>> model = uproar.CrisisModel("fr-usine-chimique", rng=1, population=2000)
>>> model.run_for(10)

Names are imported on first use, so `uproar --help` starts fast.
"""

from importlib import import_module
from typing import Any

_EXPORTS = {
    "CrisisModel": "uproar.model.model",
    "Classification": "uproar.model.classify",
    "classify_message": "uproar.model.classify",
    "Reading": "uproar.model.classify",
    "ReadingContext": "uproar.model.classify",
    "Scenario": "uproar.model.scenario",
    "ScenarioError": "uproar.model.scenario",
    "load_scenario": "uproar.model.scenario",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'uproar' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(_EXPORTS)


__all__ = sorted(_EXPORTS)
