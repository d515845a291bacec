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

#: What the crowd has seen of the organisation's conduct, as far as the words of an item go
#: (`model/situation.py` says which holds at a minute; phrase banks are chosen by it, so that
#: nothing an item says contradicts what happened).
SITUATIONS: tuple[str, ...] = (
    "breaking",  # no response yet, too soon for the silence to be remarked
    "silent",  # no response yet, and the crowd has noticed
    "holding",  # a holding statement: aware, checking, more soon
    "informed",  # news with no stance: results, a state restored, what was done (no excuse, no "looking into it")
    "refused",  # a bare refusal to comment
    "instructed",  # told people what to do to be safe
    "apologised",  # an apology said in so many words, with or without remedies (rebuild)
    "remedied",  # remedies without a word of apology: compensation, corrective action (rebuild)
    "denied",  # denial that disowns the harm: not our fault, not on our systems
    "rebutted",  # denial that only rebuts a claim ("the tap water is safe"): no one blamed, nothing disowned
    "scapegoated",  # a denial that puts the blame on an outside party: a supplier, a subcontractor
    "threatened",  # attacking the accuser: legal action, "defamatory", "we will sue" (deny)
    "diminished",  # calls the harm small: minor, limited, under control, no risk
    "excused",  # excuse or justification without calling the harm small: an accident, procedures followed
    "downplayed",  # diminishing in words the lists do not know (figures, context): playing it down, no word quoted
    "bolstered",  # reminders of the record: good deeds, years, jobs (bolster)
    "thanked",  # thanks or praise of others: staff, responders, customers (bolster)
    "victimised",  # the organisation says it is a victim too ("we too were attacked": bolster)
    "contradicted",  # a message that goes back on an earlier one or denies the facts (U-turn)
    "came_round",  # an apology or remedy after denying or playing it down (a U-turn towards the facts)
    "deadline_missed",  # a journalist's deadline passed without an answer
    "promise_broken",  # a promised update or action did not come in time
    "promise_kept",  # a promise delivered
)

STRATEGIES: tuple[str, ...] = ("deny", "diminish", "rebuild", "bolster", "no_comment")
#: Coombs's postures a message takes in so many words, beyond its strategy, as the crowd hears them
#: (`echo.postures`, `model/phrases/<lang>/postures.toml`), in the words the console and report use.
POSTURES: dict[str, dict[str, str]] = {
    "apology": {"en": "says sorry", "fr": "présente des excuses"},
    "harm_small": {"en": "calls the harm small", "fr": "minimise le mal"},
    "excuse": {"en": "excuses or justifies", "fr": "excuse ou justifie"},
    "scapegoat": {"en": "blames a contractor", "fr": "accuse un prestataire"},
    "threat": {"en": "threatens its accusers", "fr": "menace ses accusateurs"},
    "victimage": {"en": "claims to be a victim too", "fr": "se pose en victime"},
    "ingratiation": {"en": "thanks others", "fr": "remercie d'autres"},
    "news": {"en": "gives news", "fr": "donne des nouvelles"},
    "owned": {"en": "owns the fault", "fr": "assume la faute"},
}
TONES: tuple[str, ...] = ("empathetic", "factual", "defensive", "humorous")
CRISIS_TYPES: tuple[str, ...] = ("victim", "accidental", "preventable")
LANGUAGES: tuple[str, ...] = ("fr", "en")
#: a journalist's event that closes a question → the question's status (the console and the report read it)
QUESTION_CLOSINGS: dict[str, str] = {"answered": "answered", "declined": "declined", "no_response": "missed"}

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
    "safety",
)
