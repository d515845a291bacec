"""The influence graph: one follow layer per platform, as scipy.sparse matrices.

Edge ``i → j`` means account ``i`` follows (reads) ``j``. Build a multiplex with
:func:`homophily_multiplex`, check it with :func:`summary`, move single layers
in and out of networkx and CSV / GraphML / GEXF files with :mod:`.io`.

>>> import numpy as np
>>> from uproar.network import heavy_tailed_fitness, homophily_multiplex
>>> rng = np.random.default_rng(0)
>>> n = 500
>>> net = homophily_multiplex(
...     ["twitter", "whatsapp"], group=rng.integers(0, 3, n), locality=rng.integers(0, 5, n),
...     presence=np.ones((n, 2), bool), fitness=heavy_tailed_fitness(n, 2.3, rng),
...     mean_following=10, homophily=0.6, locality_bias=0.3, attention=30, rng=rng)
>>> net.layer("twitter").shape
(500, 500)
"""

from .generators import heavy_tailed_fitness, homophily_multiplex, hub_fitness
from .io import (
    FORMATS,
    GraphFileError,
    layer_to_networkx,
    networkx_to_layer,
    read_layer,
    read_layer_and_attrs,
    read_node_attrs,
    write_layer,
)
from .multiplex import Multiplex, empty_layer
from .stats import summary, tail_exponent

__all__ = [
    "FORMATS",
    "GraphFileError",
    "Multiplex",
    "empty_layer",
    "heavy_tailed_fitness",
    "homophily_multiplex",
    "hub_fitness",
    "layer_to_networkx",
    "networkx_to_layer",
    "read_layer",
    "read_layer_and_attrs",
    "read_node_attrs",
    "summary",
    "tail_exponent",
    "write_layer",
]
