"""Who is in the crowd: per-account attributes drawn once from the scenario.

Everything here is an array indexed by account. Notable personas take the first
rows, mass accounts the rest, so `index < n_notable` tells them apart.

With `[network] file` set, the mass accounts are the nodes of that follow graph
(see `graphfile`): the crowd size comes from the file, its node attributes fix
groups, localities and platforms, and only what it leaves out is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..network import Multiplex, heavy_tailed_fitness, homophily_multiplex, hub_fitness
from .graphfile import FileGraph, file_multiplex, read_network_file
from .scenario import Network, Scenario
from .taxonomy import EMOTIONS, GROUPS, LANGUAGES

#: Stance mean by group when the scenario says nothing (−1 enemy … +1 ally).
DEFAULT_STANCE = {
    "journalist": 0.0,
    "elected": -0.1,
    "blogger": -0.2,
    "employee": 0.3,
    "union": -0.3,
    "student": -0.15,
    "public": -0.05,
    "organisation": 1.0,
}
#: How strongly each group is moved by what it reads (multiplies contagion).
DEFAULT_SUSCEPTIBILITY = {
    "journalist": 0.6,
    "elected": 0.7,
    "blogger": 1.1,
    "employee": 0.9,
    "union": 1.0,
    "student": 1.2,
    "public": 1.0,
    "organisation": 0.2,
}


@dataclass
class Population:
    """Static attributes of every account (the state that moves lives in `Crowd`)."""

    group: np.ndarray  # (n,) int8 index into GROUPS
    locality: np.ndarray  # (n,) int16
    lang: np.ndarray  # (n,) int8 index into LANGUAGES
    stance: np.ndarray  # (n,) float32 in [-1, 1]
    activity: np.ndarray  # (n,) float32 actions per minute at rest
    susceptibility: np.ndarray  # (n,) float32
    presence: np.ndarray  # (n, K) bool
    followers: np.ndarray  # (n,) int64: followers summed over layers
    influence: np.ndarray  # (n,) float32 author weight for pressure
    network: Multiplex
    n_notable: int
    #: with `[network] file`: the file's node id of each mass account (row n_notable + i)
    nodes: np.ndarray | None = None

    @property
    def n(self) -> int:
        return len(self.group)

    def group_sizes(self) -> np.ndarray:
        return np.bincount(self.group, minlength=len(GROUPS))


def build_population(scenario: Scenario, rng: np.random.Generator, size: int | None = None) -> Population:
    """Draw the accounts and their follow graph; vectorised, so a million takes seconds.

    `size` (personas included) defaults to `population.size`. With `[network] file`
    the crowd is the file's graph and both are ignored: personas + the file's nodes.
    Raises `ScenarioError` (naming `network.file`) when that file cannot be used.
    """
    personas = scenario.personas
    m = len(personas)
    graph: FileGraph | None = read_network_file(scenario) if scenario.network_path() else None
    if graph is not None:
        n_mass = graph.n
    else:
        n_mass = max(int(size if size is not None else scenario.population.size) - m, 1)
    n = m + n_mass
    pop = scenario.population
    platforms = scenario.platforms
    k = len(platforms)

    shares = np.array([pop.groups.get(g, 0.0) for g in GROUPS], dtype=float)
    group = np.empty(n, dtype=np.int8)
    group[:m] = [GROUPS.index(p.group) for p in personas]
    # laid out by group, so per-group means are contiguous slices (see Crowd.group_means)
    if graph is None:
        group[m:] = np.sort(rng.choice(len(GROUPS), size=n_mass, p=shares / shares.sum()))
    else:
        # the file's group where it gives one; file order kept within a group
        drawn = rng.choice(len(GROUPS), size=n_mass, p=shares / shares.sum())
        mass = np.where(graph.group >= 0, graph.group, drawn)
        order = np.argsort(mass, kind="stable")
        graph = graph.permuted(order)
        group[m:] = mass[order]

    locality = np.empty(n, dtype=np.int16)
    locality[:m] = [min(p.locality, pop.localities - 1) for p in personas]
    locality[m:] = rng.integers(0, pop.localities, size=n_mass)
    if graph is not None:
        locality[m:] = np.where(graph.locality >= 0, graph.locality, locality[m:])

    lang = np.empty(n, dtype=np.int8)
    home = LANGUAGES.index(scenario.language)
    lang[:m] = [LANGUAGES.index(p.language or scenario.language) for p in personas]
    if pop.languages:
        lshares = np.array([pop.languages.get(code, 0.0) for code in LANGUAGES])
        lang[m:] = rng.choice(len(LANGUAGES), size=n_mass, p=lshares / lshares.sum())
    else:
        lang[m:] = home

    means = np.array([pop.stance.get(g, DEFAULT_STANCE[g]) for g in GROUPS], dtype=np.float32)
    stance = np.clip(means[group] + rng.normal(0.0, 0.3, n).astype(np.float32), -1, 1)
    stance[:m] = [p.stance for p in personas]

    # Heavy-tailed activity (Pareto): a tenth of the accounts write most posts.
    # (capped at 100× the median so that no one posts every single minute)
    raw = np.minimum(rng.pareto(pop.activity_tail, n_mass) + 1.0, 100.0)
    activity = np.empty(n, dtype=np.float32)
    activity[m:] = pop.activity_per_hour / 60.0 * raw / raw.mean()
    activity[:m] = [p.activity_per_hour / 60.0 for p in personas]

    sus_by_group = {**DEFAULT_SUSCEPTIBILITY, **scenario.parameters.susceptibility}
    sus_means = np.array([sus_by_group[g] for g in GROUPS], dtype=np.float32)
    susceptibility = (sus_means[group] * rng.lognormal(0.0, 0.25, n)).astype(np.float32)

    table = np.array([[p.presence.get(g, 0.0) for p in platforms] for g in GROUPS])
    presence = rng.random((n, k)) < table[group]
    names = [p.name for p in platforms]
    for i, p in enumerate(personas):
        presence[i] = [name in p.platforms for name in names]
    if graph is not None:
        presence[m:][graph.listed] = graph.presence[graph.listed]
    orphans = ~presence.any(axis=1)
    presence[orphans, table[group[orphans]].argmax(axis=1)] = True

    net = scenario.network
    wanted = np.array([max(p.followers, 1) for p in personas], dtype=float)
    if graph is not None:
        network = file_multiplex(graph, names, group, locality, presence, wanted, net, rng)
    else:
        network = _generate(names, group, locality, presence, wanted, net, rng)
    followers = network.follower_counts().sum(axis=1)
    influence = (1.0 + np.log1p(followers)).astype(np.float32)
    return Population(
        group=group,
        locality=locality,
        lang=lang,
        stance=stance.astype(np.float32),
        activity=activity,
        susceptibility=susceptibility,
        presence=presence,
        followers=followers,
        influence=influence,
        network=network,
        n_notable=m,
        nodes=None if graph is None else graph.nodes,
    )


def _generate(
    names: list[str],
    group: np.ndarray,
    locality: np.ndarray,
    presence: np.ndarray,
    wanted: np.ndarray,
    net: Network,
    rng: np.random.Generator,
) -> Multiplex:
    """The synthetic follow graph (`network.generator = "homophily"`)."""
    m = len(wanted)
    fitness = heavy_tailed_fitness(len(group), net.follower_exponent, rng)
    if m:  # notable accounts are hubs: their fitness follows their declared audience
        fitness[:m] = hub_fitness(fitness[m:], wanted, len(group))
    return homophily_multiplex(
        names,
        group=group,
        locality=locality,
        presence=presence,
        fitness=fitness,
        mean_following=net.mean_following,
        homophily=net.homophily,
        locality_bias=net.locality,
        attention=net.attention,
        rng=rng,
    )


def baseline_emotions(pop: Population, baseline: dict[str, float]) -> np.ndarray:
    """Resting emotions E0: allies lean to approval, enemies to anger and mockery."""
    e0 = np.tile(np.array([baseline[e] for e in EMOTIONS], dtype=np.float32), (pop.n, 1))
    ally = np.clip(pop.stance, 0, 1)
    enemy = np.clip(-pop.stance, 0, 1)
    e0[:, 0] += 0.15 * ally
    e0[:, 2] += 0.06 * enemy
    e0[:, 3] += 0.05 * enemy
    return np.clip(e0, 0.0, 1.0)
