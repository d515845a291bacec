"""The closed vocabularies every part of Uproar agrees on.

Order matters: emotions index the columns of the state matrix, groups and kinds
are stored as small integers in the item log.
"""

EMOTIONS: tuple[str, ...] = ("approval", "fear", "anger", "mockery", "sadness")
NEGATIVE: tuple[str, ...] = ("fear", "anger", "mockery", "sadness")

GROUPS: tuple[str, ...] = (
    "journalist",
    "elected",
    "blogger",
    "employee",
    "union",
    "student",
    "public",
    "organisation",
)
#: Groups that appear in the crowd as mass accounts (the others are mostly notable personas).
MASS_GROUPS: tuple[str, ...] = ("public", "student", "employee", "blogger", "union")

KINDS: tuple[str, ...] = ("post", "share", "reply", "reaction")

#: How a platform looks and reads; a scenario's new platform picks one of these.
STYLES: tuple[str, ...] = ("microblog", "social", "photo", "professional", "messaging")

STRATEGIES: tuple[str, ...] = ("deny", "diminish", "rebuild", "bolster", "no_comment")
TONES: tuple[str, ...] = ("empathetic", "factual", "defensive", "humorous")
CRISIS_TYPES: tuple[str, ...] = ("victim", "accidental", "preventable")
LANGUAGES: tuple[str, ...] = ("fr", "en")

#: Placeholders a reaction template may use; a scenario's [vocabulary] fills them.
VOCABULARY_KEYS: tuple[str, ...] = (
    "org",
    "handle",
    "place",
    "site",
    "product",
    "event",
    "victims",
    "ceo",
)
