"""`CrisisModel`: the crowd, the notable accounts and the inputs, one minute a step.

Order within minute m (design.md, "Pinned details"): inputs stamped m and the
scenario's injects for m apply first; notable accounts follow their rules; then
the crowd reads what was published in the last minute, feels, and acts. Items made
in minute m carry t_min in [m, m+1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import mesa
import numpy as np
from mesa.agentset import AgentSet

from ..agents.crowd import MassAccount
from ..agents.notables import Journalist, NotableAccount, notable_for
from . import echo, markers, situation, text
from . import inputs as inp
from .classify import (
    Question,
    Reading,
    ReadingContext,
    classify_message,
    corrected_sentences,
    keywords_named,
    stated_clauses,
)
from .commitments import Commitment
from .conduct import Conduct, Statement, broken_promise_text
from .crowd import KIND_WEIGHT, Crowd
from .hashtags import Hashtags
from .items import MESSAGE, ItemLog
from .phrasebank import CLAIM_SITUATIONS
from .population import Population, baseline_emotions, build_population
from .response import CrisisState, Said, assess
from .scenario import Claim, Scenario, load_scenario
from .taxonomy import EMOTIONS, GROUPS, LANGUAGES, MASS_GROUPS, SITUATIONS, STYLES
from .texttable import PRESUPPOSED, REPEAT_WINDOW_MIN, TextTable, fill, vocabulary

#: kind mix (post, share, reply, reaction) by platform style
KIND_MIX = {
    "microblog": (0.30, 0.30, 0.20, 0.20),
    "social": (0.25, 0.15, 0.30, 0.30),
    "photo": (0.20, 0.10, 0.25, 0.45),
    "professional": (0.35, 0.25, 0.20, 0.20),
    "messaging": (0.40, 0.35, 0.20, 0.05),
}
#: moral-emotional content travels further (Brady et al. 2017)
EMOTION_REACH = np.array([1.0, 1.0, 1.2, 1.1, 0.9], dtype=np.float32)
FALSE_CLAIM_BOOST = 1.7  # false news spreads faster and further (Vosoughi et al. 2018)
#: how intense an authored item (inject, notable statement) reads: the usual arousal of its
#: emotion, high for anger and fear, low for calm approval and sadness (Russell 1980)
SCRIPTED_INTENSITY = np.array([0.4, 0.8, 0.9, 0.7, 0.4], dtype=np.float32)
PRESSURE_WINDOW = 5
PRESSURE_SCALE = 15.0
RECENT_MIN = 60
FEED_GLANCE = 10  # followees whose latest item an account sees before sharing, answering or reacting
APPROVAL = EMOTIONS.index("approval")
SCROLLED = -2  # a parent that means: nothing drew a reaction, the account did not act
RUMOUR_RATE = 0.012  # share of new posts that carry an active rumour, per unit of its strength
#: Groups that pass a rumour on in their own words ("in the neighbourhood group they say the tap
#: water is contaminated 😨"): the crowd's. A journalist or an MP answers a rumour in their own
#: voice; anyone may share it (a share quotes the rumour's author).
RUMOUR_VOICES = np.isin(GROUPS, MASS_GROUPS)
#: Strategies that own a true claim a message names ("the breach came through our own server"):
#: from then on the crowd repeats it as confirmed, not as a rumour ("so it's true: …").
OWNING = ("rebuild", "diminish")
NEGATIVE = np.array([False, True, True, True, True])
#: Once a promise is broken: share of the replies under its message, and of the crowd's other
#: posts and replies with a negative feeling while the situation is `promise_broken`, that talk
#: of that promise by name ("update at 3 pm, you said. Still nothing.").
BROKEN_UNDER = 0.6
BROKEN_ELSEWHERE = 0.12
#: A promise broken (its time passed): anger and mockery among 40% of those on its platforms,
#: and the grievance is kept alive as after a poor answer (calm −0.3) until the next message.
BROKEN_PROMISE_SHOCK = {"anger": 0.12, "mockery": 0.06, "approval": -0.06}
BROKEN_PROMISE_CALM = -0.3


@dataclass
class MessageRecord:
    """A trainee message as applied, with what the engine made of it."""

    seq: int
    t_min: int
    author: str
    platforms: list[str]
    strategy: str
    tone: str
    text: str
    detected: bool
    calm: float
    reasons: tuple[str, ...]
    cues: tuple[str, ...] = ()
    corrects: list[str] = field(default_factory=list)
    secondary: str | None = None
    base_responses: tuple[str, ...] = ()
    commitments: list[dict[str, Any]] = field(default_factory=list)
    addresses: tuple[str, ...] = ()
    confidence: float = 1.0
    alternatives: tuple[tuple[str, float], ...] = ()
    holding: bool = False
    refusal: bool = False  # the text refuses to comment in so many words
    input_index: int = -1  # position in the input log (what a trainer's correction may name)
    engine: dict[str, Any] = field(default_factory=dict)  # the engine's own reading, kept after a correction
    corrected: bool = False
    crisis: CrisisState | None = None  # the crisis as it stood when the message was read
    refutes_rumour: bool = False
    contradicts_true_claim: bool = False
    kept: int = 0


def _conduct_field(name: str, doc: str) -> property:
    """A crisis-memory attribute that lives in `model.conduct` (kept here for existing readers)."""
    return property(lambda self: getattr(self.conduct, name), lambda self, v: setattr(self.conduct, name, v), doc=doc)


@dataclass
class _Acts:
    """What the crowd does in one minute, one row per actor, filled phase by phase."""

    actors: np.ndarray
    platform: np.ndarray
    style: np.ndarray
    kind: np.ndarray
    emotion: np.ndarray
    parent: np.ndarray
    claim: np.ndarray
    defend: np.ndarray
    on_msg: np.ndarray
    msg_share: np.ndarray  # shares of a trainee message (they carry its text)
    text_id: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int32))
    tag1: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int16))
    tag2: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int16))


class CrisisModel(mesa.Model):
    """A crowd on a multiplex influence graph, living through a scenario.

    >>> model = CrisisModel("en-retail-breach", rng=1, population=2000)
    >>> model.run_for(30)
    >>> model.reactions_frame().columns[:3].tolist()
    ['seq', 't_min', 'author_id']
    """

    def __init__(
        self,
        scenario: Scenario | str,
        rng: int | None = 0,
        population: int | None = None,
        contagion: bool = True,
    ):
        super().__init__(rng=rng)
        self._crisis = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
        sc = self._crisis
        self.seed = rng
        self._minute = 0
        self.params = sc.parameters
        self.platform_names = sc.platform_names
        self.styles = np.array([STYLES.index(p.style) for p in sc.platforms], dtype=np.int8)
        self._institutions = np.array([GROUPS.index(g) for g in text.INSTITUTIONS], dtype=np.int8)
        self._staff = np.array([GROUPS.index("employee"), GROUPS.index("union")], dtype=np.int8)
        self.reach = np.array([p.reach for p in sc.platforms], dtype=np.float32)
        self.population: Population = build_population(sc, self.rng, population)
        pop = self.population
        self.crowd = Crowd(pop, self.params, baseline_emotions(pop, self.params.baseline), self.rng)
        self._share_appeal = np.array([self.params.share_appeal[e] for e in EMOTIONS], dtype=np.float32)
        if not contagion:
            self.crowd.cut_edges()
        self.items = ItemLog()
        self.hashtags = Hashtags.from_scenario(sc)
        self.texts = TextTable.for_scenario(sc)
        self.vocab = {lang: vocabulary(sc, lang) for lang in LANGUAGES}
        #: replies, shares and broken-promise talk built from each trainee message's own words
        self.echoes = echo.EchoTable([LANGUAGES[i] for i in np.unique(self.population.lang)])
        self._readings: dict[int, Reading] = {}
        self.intensity = float(self.params.intensity)

        # crisis memory: the crisis itself here, what the crowd knows of the organisation in `conduct`
        self.crisis_type = sc.scenario.crisis_type
        self.responsibility = sc.scenario.responsibility
        self.conduct = Conduct()
        self._told: set[str] = set()  # texts of the injects fired so far (news, or news again)
        self._notable_said: dict[str, int] = {}  # notable accounts' words, by the minute they were last said
        carried = {i.claim for i in sc.injects if i.claim}
        # a rumour carried by an inject starts with it; the others at their own start minute
        self.claim_start = np.array([10**9 if c.id in carried else c.start for c in sc.claims], dtype=np.int64)
        self.claim_active = np.zeros(len(sc.claims), dtype=bool)
        self.claim_factor = np.ones(len(sc.claims), dtype=np.float64)
        # false claims get shared more; virality says how often a claim is told afresh
        self.claim_boost = np.array([1.0 if c.true else FALSE_CLAIM_BOOST for c in sc.claims])
        self.claim_virality = np.array([c.virality for c in sc.claims])
        self._claim_emotion = np.array([EMOTIONS.index(c.emotion) for c in sc.claims] or [1], dtype=np.int8)

        # logs
        self.messages: list[MessageRecord] = []
        self.questions: list = []
        self.events: list[dict[str, Any]] = []  # what happened, for the main courante and the terminal
        self.input_log: list = []
        self._queue: list = []
        self.pressure = 0.0
        self.pressure_series: list[float] = []
        self._weighted_negative: list[float] = []
        self.timeline_counts: list[np.ndarray] = []
        self.timeline_means: list[np.ndarray] = []
        self.group_mean = self.crowd.group_means()
        self._group_sizes = pop.group_sizes()
        self._last_batch = _empty_batch()
        self.last_item = np.full(pop.n, -1, dtype=np.int64)
        self.listeners: list[Callable[[dict[str, Any]], None]] = []

        # agents: notable personas first (rows 0..m-1), then the mass
        self.notables = AgentSet(
            [notable_for(self, i, p) for i, p in enumerate(sc.personas)], random=self.random
        )
        self._notable_by_id = {a.persona.id: a for a in self.notables}
        for i in range(pop.n_notable, pop.n):
            MassAccount(self, i)
        self.org_accounts = [a for a in self.notables if a.persona.group == "organisation"]
        # towns' anger is read only by officials: a scenario without them skips it each minute
        self._tracks_towns = any(a.persona.group == "elected" for a in self.notables)
        residents = np.flatnonzero(np.isin(pop.group, [GROUPS.index("public"), GROUPS.index("student")]))
        self._residents = residents
        self._residence = pop.locality[residents].astype(np.int64)
        self._residence_size = np.maximum(
            np.bincount(self._residence, minlength=sc.population.localities), 1
        )
        self._update_locality_anger()

        self.baseline = self._calm_baseline()
        self.datacollector = mesa.DataCollector(
            model_reporters={
                "pressure": "pressure",
                "items": lambda m: m.items_last_minute,
                **{f"mean_{e}": (lambda m, i=i: m.mean_emotion(i)) for i, e in enumerate(EMOTIONS)},
                "trending": lambda m: int(m.hashtags.trending.sum()),
            }
        )
        self.items_last_minute = 0

    onset = _conduct_field("onset", "first minute the crowd was shocked; None while calm")
    first_media = _conduct_field("first_media", "first minute a journalist or media item came out")
    facts_established = _conduct_field("facts_established", "a scenario fact confirmed the organisation's part")
    thunder = _conduct_field("thunder", "the organisation spoke before the media")
    last_calm = _conduct_field("last_calm", "how the latest message (or broken promise) landed")
    last_message_at = _conduct_field("last_message_at", "minute of the latest trainee message")

    # ================================================================== public API
    @property
    def scenario(self) -> Scenario:
        """The crisis scenario this model plays (Mesa's own experiment object stays in `_scenario`)."""
        return self._crisis

    @scenario.setter
    def scenario(self, value: Any) -> None:
        # mesa.Model.__init__ assigns its experiment Scenario here; keep it where Mesa reads it
        self._scenario = value
        value.model = self

    @property
    def minute(self) -> int:
        """The minute being simulated (inside a step) or next to simulate (between steps)."""
        return self._minute

    def submit(self, item: Any) -> Any:
        """Queue an input (dict, JSON line or input model) for its minute (default: the next one)."""
        item = item if isinstance(item, inp._Input) else inp.parse_input(item)
        if item.t_min is None:
            item = item.model_copy(update={"t_min": self._minute})
        if item.t_min < self._minute:
            raise inp.InputError(f"input for minute {item.t_min} arrives after it (now at minute {self._minute})")
        inp.check_input(self.scenario, item)
        self._queue.append(item)
        return item

    def post(
        self,
        message: inp.Message | None = None,
        *,
        text: str | None = None,
        platform: str | None = None,
        platforms: list[str] | None = None,
        author: str | None = None,
        strategy: str | None = None,
        tone: str | None = None,
        t_min: int | None = None,
        corrects: list[str] | None = None,
    ) -> inp.Message:
        """A trainee message; strategy and tone are detected from the text unless given."""
        if message is None:
            if text is None:
                raise inp.InputError("a message needs text")
            message = inp.Message(
                text=text,
                platforms=platforms or ([platform] if platform else []),
                author=author,
                strategy=strategy,
                tone=tone,
                t_min=t_min,
                corrects=corrects or [],
            )
        return self.submit(message)

    def step(self) -> None:
        m = self._minute
        self._apply_inputs(m)
        self.notables.do("step")
        self.conduct.stamp_missed(m)
        self._crowd_minute(m)
        self._minute = m + 1
        self.datacollector.collect(self)

    def trending(self, k: int = 10) -> list[tuple[str, int, bool]]:
        """Top hashtags now: (tag, count in the last 5 minutes, trending?)."""
        return self.hashtags.top(k)

    def reactions_frame(self):
        from .export import reactions_frame

        return reactions_frame(self)

    def timeline_frame(self):
        from .export import timeline_frame

        return timeline_frame(self)

    # ================================================================== used by notable accounts
    def mean_emotion(self, emotion: int) -> float:
        """Crowd-wide mean of one emotion, from the per-group means already computed this minute."""
        sizes = self._group_sizes
        return float((self.group_mean[:, emotion] * sizes).sum() / sizes.sum())

    def group_name(self, index: int) -> str:
        return GROUPS[int(self.population.group[index])]

    def group_anger(self, group: str) -> float:
        return float(self.group_mean[GROUPS.index(group), 2])

    def locality_anger(self, locality: int) -> float:
        return float(self._locality_anger[min(locality, len(self._locality_anger) - 1)])

    def answered_since(self, minute: int) -> bool:
        return self.conduct.answered_since(minute)

    def default_topic(self) -> str:
        return self.vocab[self.scenario.language]["event"][0]

    def notable_event(
        self,
        agent: NotableAccount,
        event: str,
        *,
        emotion: str,
        shock: dict[str, float],
        reach: float,
        groups: list[str] | None = None,
        localities: list[int] | None = None,
        body: str | None = None,
        announce: bool = True,
        **fields: Any,
    ) -> int:
        """A notable account speaks: write its item, shock who it reaches, log the event."""
        lang = LANGUAGES[int(self.population.lang[agent.index])]
        p = agent.persona
        if body is None:
            body = self._notable_body(p, lang, event, fields)
        platform = self.platform_names.index(p.platforms[0]) if p.platforms else 0
        seq = self._publish_one(agent.index, platform, EMOTIONS.index(emotion), body, weight_boost=4.0)
        if shock and reach > 0:
            mask = self._target_mask(groups or [], [], localities or [], reach)
            self._shock(mask, shock)
        if announce:
            self._event(self._minute, "notable", f"{p.name}: {body}", persona=p.id, event=event, seq=seq,
                        **{k: v for k, v in fields.items() if isinstance(v, int | float | str)})
        return seq

    def _notable_body(self, p: Any, lang: str, event: str, fields: dict[str, Any]) -> str:
        """A notable account's words for an event: a template drawn at random, or the next one
        when another account said exactly that within the hour (two bloggers, one video title)."""
        templates = text.notable_templates(lang, event)
        first, variant = int(self.rng.integers(len(templates))), int(self.rng.integers(1000))
        extra = {"name": p.name, "outlet": p.outlet or p.name, "place": self._place(p.locality, lang), **fields}
        extra.setdefault("topic", self.default_topic())
        for k in range(len(templates)):
            body = fill(templates[(first + k) % len(templates)], self.vocab[lang], variant, lang, **extra)
            if self._notable_said.get(body, -REPEAT_WINDOW_MIN - 1) < self._minute - REPEAT_WINDOW_MIN:
                break
        self._notable_said[body] = self._minute
        return body

    # ================================================================== inputs
    def _apply_inputs(self, m: int) -> None:
        self._promises_due(m)
        for inject_index, injected in enumerate(self.scenario.injects):
            if injected.at == m:
                self._fire_scheduled(injected, inject_index)
        due = [x for x in self._queue if x.t_min == m]
        self._queue = [x for x in self._queue if x.t_min != m]
        for item in due:
            self.input_log.append(item)
            if isinstance(item, inp.Message):
                self._apply_message(item)
            elif isinstance(item, inp.ReadingCorrection):
                self._apply_reading_correction(item)
            elif isinstance(item, inp.Inject):
                self._apply_inject_input(item)
            elif isinstance(item, inp.PersonaPost):
                self._apply_persona_post(item)
            elif isinstance(item, inp.Intensity):
                self.intensity = item.value
                self._event(m, "trainer", f"intensity × {item.value:g}")
            elif isinstance(item, inp.Note):
                self._event(m, "note", item.text)
            else:
                self._event(m, "trainer", f"{item.type} {item.value if item.value is not None else ''}".strip())

    def _fire_scheduled(self, injected: Any, index: int) -> None:
        """A scheduled inject, true to what happened: one whose text takes for granted what the
        trainees have undone ("why is Chimex silent?" after Chimex posted) says `instead`, or is left
        out — an event tells the trainers which."""
        if injected.unless is None or not self._holds(injected.unless):
            self._fire_inject(injected, index=index)
        elif injected.instead is not None:
            self._fire_inject(injected.model_copy(update={"text": injected.instead}), index=index)
        else:
            self._event(self._minute, "note", f"inject not fired ({injected.unless}): {injected.title or injected.text}",
                        index=index, skipped=injected.unless)

    def _holds(self, fact: str) -> bool:
        """Whether a fact of the exercise holds now (`Inject.unless`)."""
        said = [s for s in self.conduct.statements if s.t_min <= self._minute]
        if fact == "spoken":
            return bool(said)
        if fact == "apologised":
            return any("apology" in s.says for s in said)
        return self.conduct.staff_told(self._minute)

    def _apply_inject_input(self, item: inp.Inject) -> None:
        if item.index is not None:
            self._fire_inject(self.scenario.injects[item.index], index=item.index, by_hand=True)
            return
        from .scenario import Inject as ScenarioInject
        from .scenario import Targets

        custom = ScenarioInject(
            at=0,
            kind=item.kind,
            title=item.title,
            text=item.text or item.title,
            author=item.author,
            platforms=item.platforms,
            targets=Targets(groups=item.groups, platforms=item.platforms),
            shock=item.shock,
            reach=item.reach,
            hashtags=item.hashtags,
        )
        self._fire_inject(custom, index=None, by_hand=True)

    def _fire_inject(self, injected: Any, index: int | None, by_hand: bool = False) -> None:
        m = self._minute
        media = injected.kind in ("article", "video", "question") or (
            injected.author is not None and self.scenario.persona(injected.author).group == "journalist"
        )
        if injected.responsibility is not None:
            self.responsibility = injected.responsibility
        if injected.crisis_type is not None:
            self.crisis_type = injected.crisis_type
        if injected.kind == "fact" and (self.responsibility >= 0.6 or self.crisis_type == "preventable"):
            self.facts_established = True
        if self.onset is None and any(v > 0 for e, v in injected.shock.items() if e != "approval"):
            self.onset = m
        if media and self.first_media is None:
            self.first_media = m
        for tag in injected.hashtags:
            i = self.hashtags.add(tag, {"anger": 0.5, "fear": 0.5, "mockery": 0.3}, m)
            self.hashtags.active[i] = True
        if injected.claim is not None:
            self.claim_active[self._claim_index(injected.claim)] = True
        scale = 0.7 if (media and self.thunder) else 1.0
        if injected.shock:
            mask = self._target_mask(
                injected.targets.groups, injected.targets.platforms, injected.targets.localities, injected.reach
            )
            # news the crowd has heard before (an inject fired again) draws less: fatigue dulls it
            novel = injected.text not in self._told
            self._shock(mask, {e: v * scale for e, v in injected.shock.items()}, novel=novel)
        self._told.add(injected.text)
        seq = None
        if injected.author is not None:
            agent = self._notable_by_id[injected.author]
            if injected.kind == "question" and isinstance(agent, Journalist):
                q = agent.ask(injected.title or self.default_topic(), body=injected.text)
                self._event(m, "inject", injected.title or injected.text, index=index, kind=injected.kind,
                            by_hand=by_hand, seq=int(self.last_item[agent.index]), text=injected.text,
                            question=q.id, persona=agent.persona.id, deadline_at=q.deadline_at)
                return
            plats = injected.platforms or self.scenario.persona(injected.author).platforms
            emotion = max(injected.shock, key=lambda e: injected.shock[e]) if injected.shock else "fear"
            claim = self._claim_index(injected.claim) if injected.claim else -1
            tags = [self.hashtags.index(t) for t in injected.hashtags[:2]]
            seq = self._publish_one(
                agent.index,
                self.platform_names.index(plats[0]),
                EMOTIONS.index(emotion),
                injected.text,
                weight_boost=6.0,
                claim=claim,
                tags=tags,
            )
        label = injected.title or injected.text
        self._event(m, "inject", label, index=index, kind=injected.kind, by_hand=by_hand, seq=seq, text=injected.text)

    def _apply_message(self, msg: inp.Message) -> None:
        m = self._minute
        author = self._message_author(msg.author)
        plats = msg.platforms or list(author.persona.platforms)
        detected = self._reading_of(msg)
        strategy = msg.strategy or detected.strategy
        tone = msg.tone or detected.tone
        holding = strategy == "no_comment" and (detected.holding or not detected.refusal)
        corrects = list(msg.corrects) or (self._claims_corrected(msg.text, detected.lang) if detected.correction else [])
        truth = [self.scenario.claims[self._claim_index(c)].true for c in corrects]
        true_claim, rumours_only = any(truth), bool(truth) and not any(truth)
        crisis = self._crisis_state(m)
        seq = self._publish_one(author.index, self._platform_index(plats[0]), -1,
                                msg.text, kind=MESSAGE, weight_boost=8.0)
        # a bare refusal ("we cannot comment further") delivers nothing, whatever it names
        refused = strategy == "no_comment" and not holding
        says = echo.postures(msg.text, detected.lang)
        kept = [] if refused else self.conduct.delivered_by(detected_norm(msg.text), m, int(seq),
                                                            informs=strategy != "bolster", reports="news" in says)
        said = Said(secondary=detected.secondary, base_responses=detected.base_responses, holding=holding,
                    promises=bool(detected.commitments), kept=len(kept), retracts="retracted" in says,
                    doubt=None if msg.strategy else _doubt(detected.confidence, detected.alternatives))
        verdict = assess(strategy, tone, crisis, self.conduct.story(), contradicts_true_claim=true_claim,
                         refutes_rumour=rumours_only, said=said)
        if not self.conduct.statements and verdict.stealing_thunder:
            self.conduct.thunder = True
        self.last_item[author.index] = seq
        self._reach_with(author, plats, verdict)
        for claim in corrects:
            c = self._claim_index(claim)
            if not self.scenario.claims[c].true:
                self.claim_factor[c] *= 0.25
        owned = self._owned(strategy, msg.text, corrects)
        made = self.conduct.said(
            Statement(int(seq), m, strategy, detected.secondary, tone, detected.base_responses, holding, verdict.calm,
                      contradiction=verdict.contradiction,
                      says=says, only_rumours=rumours_only),
            # a briefing promised to the staff is theirs to expect: the public can neither see it kept nor broken
            () if "to_staff" in says else detected.commitments,
            [c for c, t in zip(corrects, truth, strict=True) if not t], owned)
        record = MessageRecord(
            seq=int(seq), t_min=m, author=author.persona.handle, platforms=plats, strategy=strategy, tone=tone,
            text=msg.text, detected=msg.strategy is None, calm=verdict.calm, reasons=verdict.reasons,
            cues=tuple(detected.cues), corrects=corrects, secondary=detected.secondary,
            base_responses=detected.base_responses, commitments=[c.to_dict() for c in detected.commitments],
            addresses=detected.addresses, confidence=detected.confidence, alternatives=detected.alternatives,
            holding=holding, refusal=detected.refusal, input_index=len(self.input_log) - 1, engine=_engine_reading(detected), crisis=crisis,
            refutes_rumour=rumours_only, contradicts_true_claim=true_claim, kept=len(kept),
        )
        self.messages.append(record)
        self._readings[int(seq)] = detected
        self._echo(record)
        self._event(m, "message", msg.text, seq=int(seq), strategy=strategy, tone=tone, calm=round(verdict.calm, 3),
                    reasons=list(verdict.reasons), author=author.persona.handle, platforms=plats,
                    secondary=detected.secondary, base_responses=list(detected.base_responses),
                    confidence=round(detected.confidence, 3),
                    alternatives=[k for k, _ in detected.alternatives], commitments=len(made),
                    addresses=list(detected.addresses), corrects=corrects, owns=owned, cues=detected.cues[:4],
                    postures=sorted(says))
        for p in kept:
            self._event(m, "promise", f"promise kept: {p.text}", seq=p.seq, status="kept", kept_by=int(seq),
                        promise=p.id)

    def _reading_of(self, msg: inp.Message) -> Reading:
        """The message's reading: the one its log entry keeps, or read now and kept there (the
        entry being applied is the log's last), so replays never depend on the reader shipped."""
        if msg.reading is not None:
            return Reading.from_record(msg.reading)
        record = classify_message(msg.text, lang=None, context=self._reading_context(self._minute)).to_record()
        self.input_log[-1] = msg.model_copy(update={"reading": record})
        return Reading.from_record(record)

    def _reach_with(self, author: NotableAccount, plats: list[str], verdict: Any) -> None:
        """Who a message reaches (the author's followers on those platforms, plus relays among
        those present) and how it moves them."""
        pop = self.population
        pidx = [self.platform_names.index(p) for p in plats]
        reached = np.zeros(pop.n, dtype=bool)
        for k in pidx:
            layer = pop.network.followers[k]
            reached[layer.indices[layer.indptr[author.index] : layer.indptr[author.index + 1]]] = True
        present = pop.presence[:, pidx].any(axis=1)
        relay = 0.35 * float(self.reach[pidx].mean())
        reached |= present & (self.rng.random(pop.n) < relay)
        delta = verdict.delta(0.25 * self.params.message_strength)
        # allies take a good message to heart; enemies are quicker to take offence at a bad one
        lean = 1.0 + 0.5 * pop.stance * np.sign(verdict.calm)
        self.crowd.shock(reached, delta, arousal=0.05 + 0.1 * max(-verdict.calm, 0.0), scale=lean)

    def _crisis_state(self, m: int) -> CrisisState:
        c = self.conduct
        return CrisisState(
            crisis_type=self.crisis_type, responsibility=self.responsibility, minute=m, onset=c.onset,
            first_media=c.first_media, facts_established=c.facts_established,
            safety_risk=self.scenario.has_safety_risk, instructed=c.instructed_at is not None,
        )

    def _reading_context(self, m: int) -> ReadingContext:
        """Claims, open press questions and the clock, for the reader's `addresses` and due times."""
        start = self.scenario.start_minute_of_day
        questions = []
        for q in self.questions:
            if q.status == "open":
                p = self._notable_by_id[q.journalist].persona
                questions.append(Question(q.id, tuple(n for n in (p.handle, p.name, p.outlet) if n)))
        return ReadingContext(
            claims=tuple((c.id, tuple(c.keywords)) for c in self._going_round()),
            questions=tuple(questions), clock=None if start is None else (start + m) % 1440,
        )

    def _apply_reading_correction(self, item: inp.ReadingCorrection) -> None:
        """A trainer's correction: from now on the message counts as read their way."""
        m, position = self._minute, len(self.input_log) - 1
        record = next((r for r in self.messages if (item.seq is not None and r.seq == item.seq)
                       or (item.message is not None and r.input_index == item.message)), None)
        if record is None:
            what = f"seq {item.seq}" if item.seq is not None else f"input #{item.message}"
            self._event(m, "trainer", f"reading correction ignored: no message {what} has been posted")
            return
        # keep it in the log by position, so a replay without an earlier message can renumber it
        self.input_log[position] = item.model_copy(update={"seq": None, "message": record.input_index})
        if item.strategy:  # the trainer settles the strategy: no doubt left for the crowd to weigh
            record.strategy, record.confidence, record.alternatives = item.strategy, 1.0, ()
        if item.secondary is not None:
            record.secondary = None if item.secondary == "none" else item.secondary
        if item.tone:
            record.tone = item.tone
        if item.base_responses is not None:
            record.base_responses = tuple(item.base_responses)
        record.holding = record.strategy == "no_comment" and (
            bool(record.base_responses or record.commitments) or not record.refusal)
        if record.crisis is not None:
            earlier = [("holding" if r.holding else r.strategy) for r in self.messages if r.seq < record.seq]
            verdict = assess(record.strategy, record.tone, record.crisis, earlier,
                             contradicts_true_claim=record.contradicts_true_claim,
                             refutes_rumour=record.refutes_rumour,
                             said=Said(record.secondary, record.base_responses, record.holding,
                                       bool(record.commitments), record.kept,
                                       doubt=_doubt(record.confidence, record.alternatives) if record.detected else None))
            record.calm, record.reasons = verdict.calm, verdict.reasons
            contradiction: bool | None = verdict.contradiction
        else:
            contradiction = None
        record.corrected = True
        self._echo(record)
        self.conduct.corrected(record.seq, record.strategy, record.secondary, record.tone, record.base_responses,
                               record.holding, record.calm, contradiction)
        engine = record.engine
        self._event(m, "reading", f"reading corrected: {engine.get('strategy')}/{engine.get('tone')} → "
                    f"{record.strategy}/{record.tone}", seq=record.seq, message=record.input_index,
                    engine=engine, strategy=record.strategy, secondary=record.secondary, tone=record.tone,
                    base_responses=list(record.base_responses), calm=round(record.calm, 3),
                    reasons=list(record.reasons), note=item.note)

    def _promises_due(self, m: int) -> None:
        """Promises whose time has passed: anger among those who heard them, a journalist says
        so, and the grievance stays alive (as after a poor answer) until the next message."""
        for p in self.conduct.fall_due(m):
            record = next((r for r in self.messages if r.seq == p.seq), None)
            plats = record.platforms if record else []
            mask = self._target_mask([], plats, [], 0.4)
            self._shock(mask, BROKEN_PROMISE_SHOCK)
            self.conduct.last_calm = min(self.conduct.last_calm, BROKEN_PROMISE_CALM)
            seq = None
            press = [a for a in self.notables if isinstance(a, Journalist)]
            if press:
                agent = press[0]
                lang = LANGUAGES[int(self.population.lang[agent.index])]
                body = broken_promise_text(lang, self.scenario.scenario.organisation, p.text, p.when)
                seq = self.notable_event(agent, "promise_broken", emotion="anger", shock={}, reach=0.0, body=body,
                                         announce=False)
            self.echoes.promise_broken(self.texts, p.seq, Commitment(p.text, p.when, (p.due_at or m) - p.made_at, p.kind), m, self.vocab)
            self._event(m, "promise", f"promise broken: {p.text}", seq=p.seq, status="broken", promise=p.id,
                        due_at=p.due_at, item=seq)

    def _echo(self, record: MessageRecord) -> None:
        """The texts replies and shares under this message draw from, built from its own words
        as the crowd reads it now (a trainer's correction rebuilds them)."""
        reading = self._readings.get(record.seq)
        if reading is None:
            return
        noticed = tuple(flag for flag, seen in (
            ("u_turn", any(r.startswith("contradicts the earlier message") for r in record.reasons)),
            ("retracts", "corrects its own earlier message" in record.reasons),
            ("rebuttal", record.refutes_rumour),
            ("against_facts", any(r.startswith(("denies what the facts", "calls a true claim false"))
                                  for r in record.reasons)),
            ("kept", record.kept > 0),
            ("apologised", any("apology" in st.says and st.seq < record.seq for st in self.conduct.statements)),
            ("instructed", any("instructing" in st.base_responses and st.seq < record.seq
                               for st in self.conduct.statements)),
        ) if seen)
        words = echo.read_words(record.text, reading, record.strategy, record.holding,
                                self.scenario.has_safety_risk, record.base_responses, noticed, tone=record.tone)
        self.echoes.add(self.texts, record.seq, record.text, words, self.vocab, record.author)

    def _apply_persona_post(self, item: inp.PersonaPost) -> None:
        agent = self._persona(item.persona)
        plat = item.platform or agent.persona.platforms[0]
        seq = self._publish_one(
            agent.index, self.platform_names.index(plat), EMOTIONS.index(item.emotion), item.text, weight_boost=4.0
        )
        if item.strength > 0:
            mask = self._target_mask([], [plat], [], 0.3)
            self._shock(mask, {item.emotion: item.strength})
        self._event(self._minute, "persona", f"{agent.persona.name}: {item.text}", persona=agent.persona.id, seq=seq)

    # ================================================================== the crowd's minute
    def _crowd_minute(self, m: int) -> None:
        """The crowd's minute in six phases: read and feel, who acts, what each does and to
        what, what each says, publish, and account for the minute."""
        self._feel(m)
        p = self.crowd.act_probability(self.intensity)
        acts = self._choose_acts(np.flatnonzero(self.rng.random(self.population.n) < p), m)
        self._choose_words(acts)
        self._publish_acts(acts, m)
        # what this minute's items will make the crowd read next minute
        self._last_batch = self._minute_batch(m)
        self.items_last_minute = len(self._last_batch["author"])
        self._account_minute(m, self._last_batch)

    def _feel(self, m: int) -> None:
        """Everyone reads what was published last minute, feels and relaxes; what the
        notable accounts, the hashtags and the rumours watch is brought up to date."""
        crowd, batch = self.crowd, self._last_batch
        readers, x = crowd.exposure(batch["author"], batch["platform"], batch["emotion"], batch["weight"], self.reach)
        crowd.step(readers, x, drive=self._silence_drive(m))
        self.group_mean = crowd.group_means()
        if self._tracks_towns:
            self._update_locality_anger()
        self.hashtags.update_active(m, self.group_mean)
        self.claim_active |= self.claim_start <= m

    def _choose_acts(self, actors: np.ndarray, m: int) -> _Acts:
        """Where each actor acts, what kind of item, with what feeling and under which parent."""
        pop, crowd, items = self.population, self.crowd, self.items
        n = len(actors)
        u = self.rng.random((n, 8 + FEED_GLANCE + 5))
        # where: a platform the account is on, weighted by the platform's activity
        pw = pop.presence[actors] * np.array([pl.activity for pl in self.scenario.platforms])
        cum = np.cumsum(pw, axis=1)
        platform = (cum < (u[:, 0] * cum[:, -1])[:, None]).sum(axis=1).astype(np.int8)
        style = self.styles[platform]
        kind = self._choose_kind(style, platform, u[:, 1])
        emotion = crowd.express(actors, u[:, 2])
        parent = self._choose_parents(actors, platform, kind, u[:, 8:], m)
        acted = parent != SCROLLED
        if not acted.all():
            actors, u, platform, style, kind, emotion, parent = (
                x[acted] for x in (actors, u, platform, style, kind, emotion, parent))
            n = len(actors)
        kind = np.where(parent < 0, 0, kind).astype(np.int8)

        has_parent = parent >= 0
        pidx = np.where(has_parent, parent, 0)
        claim = np.full(n, -1, dtype=np.int16)
        if len(items):
            # shares pass the parent's feeling on; reactions mostly echo it, and always where one side
            # approves: a like is about the post ("Bravo" under a rumour of poisoned water, "Outrageous"
            # under thanks to the firefighters read as nonsense); among the other four, a reaction may
            # feel its own way (anger at frightening news)
            approves = (emotion == APPROVAL) | (items["emotion"][pidx] == APPROVAL)
            echo = (has_parent & ((kind == 1) | ((kind == 3) & ((u[:, 5] < 0.6) | approves)))
                    & (items["kind"][pidx] != MESSAGE))
            emotion = np.where(echo, items["emotion"][pidx], emotion).astype(np.int8)
            claim = np.where(has_parent & (kind != 3), items["claim"][pidx], -1).astype(np.int16)
        claim = self._seed_claims(claim, kind, u[:, 6])
        claim = np.where(RUMOUR_VOICES[pop.group[actors]] | (kind == 1), claim, -1).astype(np.int16)
        emotion = np.where(claim >= 0, self._claim_emotion[np.maximum(claim, 0)], emotion).astype(np.int8)
        defend = self._defend(actors, kind, parent, emotion, u[:, 7], m)
        parent_kind = items["kind"][np.maximum(parent, 0)] if len(items) else np.zeros(n, dtype=np.int8)
        on_msg = (parent >= 0) & (parent_kind == MESSAGE) & (kind == 2)
        msg_share = (parent >= 0) & (parent_kind == MESSAGE) & (kind == 1)
        if on_msg.any():
            emotion[on_msg] = self._answer_emotion(actors[on_msg], parent[on_msg], u[on_msg, 5])
        return _Acts(actors, platform, style, kind, emotion, parent, claim, defend, on_msg, msg_share)

    def _defend(
        self, actors: np.ndarray, kind: np.ndarray, parent: np.ndarray, emotion: np.ndarray, u: np.ndarray, m: int
    ) -> np.ndarray:
        """Allies answer critics with approval while the organisation communicates well
        (changes `parent` and `emotion` in place); returns who does."""
        defend = np.zeros(len(actors), dtype=bool)
        if self.last_calm > 0.3 and self.last_message_at is not None and m - self.last_message_at <= 90:
            allies = (kind == 2) & (self.population.stance[actors] > 0.3) & (u < 0.6)
            if allies.any():
                critics = self._critic_parent(int(allies.sum()))
                if critics is not None:
                    parent[allies] = critics
                    emotion[allies] = 0
                    defend = allies
        return defend

    def _choose_words(self, acts: _Acts) -> None:
        """Each item's text (phrase ids by group, feeling, kind, platform and rumour) and hashtags."""
        pop, texts, items = self.population, self.texts, self.items
        lang, group = pop.lang[acts.actors], pop.group[acts.actors]
        emotion, kind, style, on_msg, defend = acts.emotion, acts.kind, acts.style, acts.on_msg, acts.defend
        text_u = self.rng.random(len(acts.actors))
        now = self.situation_now()
        # journalists, officials and organisations answer a message in their own group's words, as they
        # would post them ("Anger in Kingsford after…"), not the crowd's replies nor a reply's opener
        crowd = ~np.isin(group, self._institutions)
        text_kind = np.where(on_msg & ~crowd, 0, self._text_kinds(acts)).astype(np.int8)
        text_id = texts.pick_crowd(lang, group, emotion, text_kind, style, now, text_u)
        said = on_msg & crowd
        text_id[said] = texts.pick_message_reply(lang[said], emotion[said], style[said], text_u[said])
        if len(self.echoes):
            self._echo_words(acts, lang, text_u, text_id, now, crowd)
        text_id[defend] = texts.pick_defence(lang[defend], style[defend], text_u[defend])
        with_claim = (acts.claim >= 0) & (kind != 3)
        if with_claim.any():
            claim = acts.claim[with_claim]
            text_id[with_claim] = texts.pick_claim(lang[with_claim], claim, emotion[with_claim], style[with_claim],
                                                   self.claim_state[claim], text_u[with_claim])
        self._true_to_what_happened(text_id, lang, group, emotion, text_kind, style, text_u)
        # posts and replies in the crowd's own words: nobody says what another said within the hour
        said = ((kind == 0) | (kind == 2)) & texts.composed(text_id)
        text_id[said] = texts.avoid_repeats(text_id[said], text_u[said], self._minute)
        tag1, tag2 = self.hashtags.choose(emotion, style, kind, self.rng, reserved=~crowd)
        if len(items):
            pidx = np.maximum(acts.parent, 0)
            inherit = (acts.parent >= 0) & (kind == 1)
            tag1 = np.where(inherit, items["tag1"][pidx], tag1).astype(np.int16)
            tag2 = np.where(inherit, items["tag2"][pidx], tag2).astype(np.int16)
        acts.text_id, acts.tag1, acts.tag2 = text_id, tag1, tag2

    def _true_to_what_happened(self, text_id: np.ndarray, lang: np.ndarray, group: np.ndarray, emotion: np.ndarray,
                               kind: np.ndarray, style: np.ndarray, u: np.ndarray) -> None:
        """Replace (in place) the lines that take for granted what did not happen (`texttable.PRESUPPOSED`):
        "nobody tells us anything" from staff once a message spoke to them, "internally we got clear
        instructions" before one did, "they spoke quickly" after a first word an hour late. Each takes a
        line true in any situation: its group's own, else the crowd's."""
        bit = {name: 1 << b for b, name in enumerate(PRESUPPOSED)}
        told, late = self.conduct.staff_told(self._minute), self.conduct.first_word_late(self._minute)
        false = (np.where(np.isin(group, self._staff) & told, bit["staff_uninformed_said"], 0)
                 | (0 if told else bit["staff_informed_said"]) | (bit["speed_said"] if late else 0))
        clash = (self.texts.presupposes(text_id) & false) != 0
        for shared in (False, True):
            if not clash.any():
                return
            pick = self.texts.pick_general(lang[clash], group[clash], emotion[clash], kind[clash], style[clash],
                                           u[clash], shared)
            rows = np.flatnonzero(clash)[pick >= 0]
            text_id[rows] = pick[pick >= 0]
            clash[rows] = (self.texts.presupposes(text_id[rows]) & false[rows]) != 0

    def _text_kinds(self, acts: _Acts) -> np.ndarray:
        """The text table's kind of each item: a reply to an item of another feeling is a retort
        (`text.RETORT`: its point, without "Well said." or "That's my worry too.")."""
        kind = acts.kind
        if not len(self.items):
            return kind
        parent = np.maximum(acts.parent, 0)
        retort = (kind == 2) & (acts.parent >= 0) & (self.items["emotion"][parent] != acts.emotion)
        return np.where(retort, text.RETORT, kind).astype(np.int8)

    def _echo_words(self, acts: _Acts, lang: np.ndarray, u: np.ndarray, text_id: np.ndarray, now: int,
                    crowd: np.ndarray) -> None:
        """Replies and shares under a trainee message draw from the texts built from its words
        (`model/echo.py`); once one of its promises is broken, most replies under it and some of
        the crowd's negative items elsewhere talk of that promise. Replies and that talk are the
        crowd's (`crowd`); every share carries the message. Changes `text_id` in place."""
        ech, texts, emotion = self.echoes, self.texts, acts.emotion
        for mask, cells_of in ((acts.on_msg & crowd, ech.reply), (acts.msg_share, ech.share)):
            sel = np.flatnonzero(mask)
            if not len(sel):
                continue
            rows = ech.rows(acts.parent[sel])
            cells = cells_of[rows, lang[sel], emotion[sel]]
            if cells_of is ech.reply:
                # talk of the broken promise under its message, until the organisation speaks again
                gone = ech.broken[rows, lang[sel], emotion[sel]]
                gone[ech.broken_at[rows] < (self.last_message_at or 0)] = -1
                if (gone >= 0).any():
                    swap = (gone >= 0) & (self.rng.random(len(sel)) < BROKEN_UNDER)
                    cells[swap] = gone[swap]
            ok = cells >= 0
            text_id[sel[ok]] = texts.pick_cells(cells[ok], u[sel[ok]])
        if ech.latest_broken_at is not None and SITUATIONS[now] == "promise_broken":
            talk = np.flatnonzero((acts.kind != 1) & (acts.kind != 3) & ~acts.on_msg & ~acts.defend
                                  & (acts.claim < 0) & (emotion > 0) & crowd)
            if len(talk):
                talk = talk[self.rng.random(len(talk)) < BROKEN_ELSEWHERE]
                cells = ech.latest_broken[lang[talk], emotion[talk]]
                ok = cells >= 0
                text_id[talk[ok]] = texts.pick_cells(cells[ok], u[talk[ok]])

    def _publish_acts(self, acts: _Acts, m: int) -> None:
        """Append the minute's items in time order; parents gain visibility; actors vent."""
        pop, items = self.population, self.items
        actors, kind, emotion, parent, claim = acts.actors, acts.kind, acts.emotion, acts.parent, acts.claim
        intensity = self.crowd.E[emotion, actors]
        boost = np.where(claim >= 0, self.claim_boost_now[np.maximum(claim, 0)], 1.0)
        weight = (pop.influence[actors] * KIND_WEIGHT[kind] * boost).astype(np.float32)
        words = self.texts.markers_of(acts.text_id)
        appeal = self._appeal(emotion, intensity, words)
        offsets = self.rng.random(len(actors))
        order = np.argsort(offsets, kind="stable")  # publish in time order within the minute
        has_parent = parent >= 0
        root = np.where(has_parent, items["root"][np.maximum(parent, 0)] if len(items) else -1, -1)
        seqs = items.append(
            t=m + 0.05 + 0.95 * offsets[order],
            author=actors[order],
            group=pop.group[actors][order],
            platform=acts.platform[order],
            kind=kind[order],
            emotion=emotion[order],
            intensity=intensity[order],
            text_id=acts.text_id[order],
            tag1=acts.tag1[order],
            tag2=acts.tag2[order],
            parent=parent[order],
            root=root[order],
            claim=claim[order],
            lang=pop.lang[actors][order],
            weight=weight[order],
            appeal=appeal[order],
        )
        if len(seqs):
            # a share or a reply makes its parent more visible
            np.add.at(items.column("weight"), parent[has_parent], 0.5)
            visible = kind[order] != 3  # a like is not something to share
            self.last_item[actors[order][visible]] = seqs[visible]
        self.crowd.calm_down(actors)

    def _appeal(self, emotion: np.ndarray, intensity: np.ndarray, markers: np.ndarray) -> np.ndarray:
        """How readily an item is shared or answered: its emotion's appeal, raised by its
        intensity (Berger & Milkman 2012) and by each moral-emotional word (Brady et al. 2017).
        A fully intense angry item without such words has appeal 1."""
        p = self.params
        gain = np.float32(p.arousal_appeal)
        return (self._share_appeal[emotion] * (1.0 + gain * intensity) / (1.0 + gain)
                * np.power(np.float32(1.0 + p.moral_word_gain), markers)).astype(np.float32)

    def _choose_kind(self, style: np.ndarray, platform: np.ndarray, u: np.ndarray) -> np.ndarray:
        mix = np.array([KIND_MIX[s] for s in STYLES])[style].copy()
        mix[:, 1] *= np.array([pl.share_rate for pl in self.scenario.platforms])[platform]
        cum = np.cumsum(mix, axis=1)
        return (cum < (u * cum[:, -1])[:, None]).sum(axis=1).clip(0, 3).astype(np.int8)

    def _choose_parents(
        self, actors: np.ndarray, platform: np.ndarray, kind: np.ndarray, u: np.ndarray, m: int
    ) -> np.ndarray:
        """The item each share, reply and reaction points at: −1 when the account posts
        instead, `SCROLLED` when it lets a reaction go.

        An account glances at its feed — the latest items of `FEED_GLANCE` followees on
        that platform — and picks one in proportion to its pull (appeal × novelty ×
        rumour boost), so cascades follow the graph and angry, outraged, fresh items win
        (Fan et al. 2014; Brady et al. 2017; Wu & Huberman 2007). With nothing new there it
        looks across the platform with chance `discovery`, by visibility and pull. It then
        goes ahead with a chance equal to the item's pull (at most 1); otherwise it writes
        a post of its own; about to react, it scrolls on (as it does with nothing to like).
        `u` holds FEED_GLANCE + 5 uniforms per actor.
        """
        n = len(actors)
        parent = np.full(n, -1, dtype=np.int64)
        need = kind > 0
        if not need.any() or len(self.items) == 0:
            return parent
        items = self.items
        recent_from = items.since(m - RECENT_MIN)
        g = FEED_GLANCE
        # the glance: the latest items of FEED_GLANCE followees on the platform where it acts
        seen = np.full((n, g), -1, dtype=np.int64)
        for k, layer in enumerate(self.population.network.follows):
            sel = np.flatnonzero(need & (platform == k))
            if len(sel) == 0:
                continue
            a = actors[sel]
            start = layer.indptr[a]
            deg = layer.indptr[a + 1] - start
            has = deg > 0
            sel, start, deg = sel[has], start[has], deg[has]
            picks = start[:, None] + (u[sel, :g] * deg[:, None]).astype(np.int64)
            seen[sel] = self.last_item[layer.indices[picks]]
        fresh = seen >= recent_from
        if fresh.any():
            pull = np.zeros(seen.shape, dtype=np.float32)
            pull[fresh] = self._pull(seen[fresh], m)
            cum = np.cumsum(pull, axis=1)
            chosen = (cum < (u[:, g] * cum[:, -1])[:, None]).sum(axis=1).clip(0, g - 1)
            found = np.flatnonzero(cum[:, -1] > 0)
            parent[found] = seen[found, chosen[found]]
        # replies gather under the organisation's latest message for a while
        under = np.zeros(n, dtype=bool)
        if self.last_message_at is not None and m - self.last_message_at < 60:
            chance = 0.35 * np.exp(-(m - self.last_message_at) / 20.0)
            under = (kind == 2) & (u[:, g + 1] < chance)
            parent[under] = self.messages[-1].seq
        look = np.flatnonzero(need & (parent < 0) & (u[:, g + 2] < self.params.discovery))
        if len(look) and recent_from < len(items):
            pool = slice(recent_from, len(items))
            w = items["weight"][pool] * self._pull(pool, m)
            w[items["kind"][pool] == 3] = 0.0
            cw = np.cumsum(w, dtype=np.float64)
            if cw[-1] > 0:
                target = u[look, g + 3] * cw[-1]
                parent[look] = recent_from + np.searchsorted(cw, target, side="right").clip(0, len(cw) - 1)
        judged = np.flatnonzero((parent >= 0) & ~under)
        if len(judged):
            passed = judged[u[judged, g + 4] >= self._pull(parent[judged], m)]
            parent[passed] = SCROLLED
        parent[(kind == 3) & (parent == -1)] = SCROLLED  # nothing to like: no reaction
        return parent

    def _pull(self, seq: np.ndarray | slice, m: int) -> np.ndarray:
        """How strongly items (seqs or a slice of them) draw a share, reply or reaction now:
        appeal × novelty × rumour boost."""
        items = self.items
        pull = items["appeal"][seq] * self._novelty(m, items["t"][seq])
        claim = items["claim"][seq]
        rumour = claim >= 0
        if rumour.any():
            pull[rumour] *= self.claim_boost_now[claim[rumour]].astype(np.float32)
        return pull

    def _novelty(self, m: int, t: np.ndarray) -> np.ndarray:
        """How new an item still is: halves every `novelty_half_life_min` (Wu & Huberman 2007)."""
        return np.exp2(((t - m) / self.params.novelty_half_life_min).astype(np.float32))

    def _answer_emotion(self, actors: np.ndarray, message_seq: np.ndarray, u: np.ndarray) -> np.ndarray:
        """What people say under a trainee message follows how it landed: approval for a
        message the crowd takes well, anger and mockery for one it takes badly."""
        calm_by_seq = {r.seq: r.calm for r in self.messages}
        calm = np.array([calm_by_seq.get(int(q), 0.0) for q in message_seq])
        mix = np.square(self.crowd.E[:, actors]).astype(np.float64)
        mix[0] *= 1.0 + 6.0 * np.maximum(calm, 0.0)
        mix[2:4] *= 1.0 + 6.0 * np.maximum(-calm, 0.0)
        cum = np.cumsum(mix, axis=0)
        return (cum < (u * cum[-1])[None, :]).sum(axis=0).clip(0, len(EMOTIONS) - 1).astype(np.int8)

    def _critic_parent(self, count: int) -> np.ndarray | None:
        """Recent angry or mocking items for allies to answer."""
        items = self.items
        start = items.since(self._minute - 30)
        emo = items["emotion"][start:]
        crit = np.flatnonzero(((emo == 2) | (emo == 3)) & (items["kind"][start:] < 3))
        if len(crit) == 0:
            return None
        w = items["weight"][start:][crit].astype(np.float64)
        cw = np.cumsum(w)
        picks = np.searchsorted(cw, self.rng.random(count) * cw[-1], side="right").clip(0, len(cw) - 1)
        return start + crit[picks]

    def situation_now(self) -> int:
        """What the crowd has seen of the organisation so far, as an index in SITUATIONS."""
        return situation.index(self.conduct, self._minute)

    @property
    def claim_state(self) -> np.ndarray:
        """Per scenario claim, what the organisation made of it, as an index in CLAIM_SITUATIONS:
        standing (not addressed), corrected (called false) or confirmed (a true claim owned)."""
        corrected, confirmed = set(self.conduct.rumours_corrected), set(self.conduct.claims_confirmed)
        state = [CLAIM_SITUATIONS.index("confirmed" if c.id in confirmed else "corrected" if c.id in corrected
                                        else "standing") for c in self.scenario.claims]
        return np.array(state or [CLAIM_SITUATIONS.index("standing")], dtype=np.int64)

    @property
    def claim_boost_now(self) -> np.ndarray:
        return self.claim_boost * self.claim_factor if len(self.claim_boost) else np.ones(1)

    def _seed_claims(self, claim: np.ndarray, kind: np.ndarray, u: np.ndarray) -> np.ndarray:
        """Some new posts carry an active rumour, false ones and uncorrected ones more often:
        a falsehood is passed on by word of mouth as readily as by shares (Vosoughi et al. 2018)."""
        if not self.claim_active.any():
            return claim
        strength = self.claim_active * self.claim_virality * self.claim_boost_now
        total = strength.sum()
        posts = (kind == 0) & (claim < 0) & (u < RUMOUR_RATE * total)
        if posts.any():
            cum = np.cumsum(strength)
            claim[posts] = np.searchsorted(cum, (u[posts] / (RUMOUR_RATE * total)) * total, side="right").clip(0, len(cum) - 1)
        return claim

    def _minute_batch(self, m: int) -> dict[str, np.ndarray]:
        items = self.items
        start = items.since(m)
        sl = slice(start, len(items))
        kind = items["kind"][sl]
        keep = kind != MESSAGE
        emotion = items["emotion"][sl][keep]
        claim = items["claim"][sl][keep]
        boost = np.where(claim >= 0, self.claim_boost_now[np.maximum(claim, 0)], 1.0)
        weight = (
            items["intensity"][sl][keep] * KIND_WEIGHT[kind[keep]] * EMOTION_REACH[emotion] * boost
        ).astype(np.float32)
        return {
            "author": items["author"][sl][keep].astype(np.int64),
            "platform": items["platform"][sl][keep],
            "emotion": emotion.astype(np.int64),
            "weight": weight,
            "group": items["group"][sl][keep],
            "tag1": items["tag1"][sl][keep],
            "tag2": items["tag2"][sl][keep],
        }

    def _account_minute(self, m: int, batch: dict[str, np.ndarray]) -> None:
        """Per-minute bookkeeping: timeline, hashtag counts and trends, pressure."""
        g, e = batch["group"].astype(np.int64), batch["emotion"]
        counts = np.bincount(g * len(EMOTIONS) + e, minlength=len(GROUPS) * len(EMOTIONS))
        self.timeline_counts.append(counts.reshape(len(GROUPS), len(EMOTIONS)))
        self.timeline_means.append(self.group_mean.astype(np.float32))
        before = len(self.hashtags.events)
        self.hashtags.count_minute(batch["tag1"], batch["tag2"])
        p = self.params
        self.hashtags.update_trends(m, p.trend_window_min, p.trend_baseline_min, p.trend_ratio, p.trend_min_count)
        for minute, tag, what in self.hashtags.events[before:]:
            self._event(minute, "trend", f"{tag} {'enters' if what == 'enter' else 'leaves'} the trends", tag=tag, change=what)
        neg = NEGATIVE[e]
        self._weighted_negative.append(float(self.population.influence[batch["author"][neg]].sum()))
        recent = np.mean(self._weighted_negative[-PRESSURE_WINDOW:])
        ratio = recent / self.baseline
        self.pressure = float(100.0 * (1.0 - np.exp(-max(ratio - 1.0, 0.0) / PRESSURE_SCALE)))
        self.pressure_series.append(self.pressure)

    def _calm_baseline(self) -> float:
        """Influence-weighted negative items per minute of this crowd at rest."""
        crowd, pop = self.crowd, self.population
        mix = np.square(crowd.E0)
        neg_share = mix[1:].sum(axis=0) / mix.sum(axis=0)
        return float(max((pop.activity * self.intensity * neg_share * pop.influence).sum(), 1e-6))

    def _silence_drive(self, m: int) -> np.ndarray | None:
        """Silence costs more each minute once the crisis is out and nobody has spoken;
        a poor answer (denial, no comment) keeps the grievance alive as silence would."""
        if self.onset is None:
            return None
        if not self.messages:
            cost = self.params.silence_cost * min((m - self.onset) / 30.0, 2.0)
        elif self.last_calm < 0:
            cost = self.params.silence_cost * min(-self.last_calm, 1.5)
        else:
            return None
        drive = np.zeros(len(EMOTIONS), dtype=np.float32)
        drive[2], drive[3] = cost, 0.5 * cost
        return drive

    def _update_locality_anger(self) -> None:
        """Mean anger of the public and students per town (what officials answer to)."""
        anger = np.bincount(self._residence, weights=self.crowd.E[2, self._residents], minlength=len(self._residence_size))
        self._locality_anger = anger / self._residence_size

    # ================================================================== helpers
    def _publish_one(
        self,
        author: int,
        platform: int,
        emotion: int,
        body: str,
        *,
        kind: int = 0,
        weight_boost: float = 1.0,
        claim: int = -1,
        tags: list[int] | None = None,
    ) -> int:
        """Write one authored item (inject, notable, message) at the current minute."""
        tags = (tags or []) + [-1, -1]
        pop = self.population
        within = len(self.items) - self.items.since(self._minute)
        lang = int(pop.lang[author])
        intensity = float(SCRIPTED_INTENSITY[emotion]) if emotion >= 0 else 0.0
        # a trainee message is answered by its own rule, not by appeal
        appeal = self._appeal(np.array([emotion]), np.array([intensity], dtype=np.float32),
                              np.array([markers.count(body, LANGUAGES[lang])]))[0] if emotion >= 0 else 1.0
        seqs = self.items.append(
            t=self._minute + min(0.001 * within, 0.04),
            author=author,
            group=pop.group[author],
            platform=platform,
            kind=kind,
            emotion=emotion,
            intensity=intensity,
            text_id=self.texts.add(body),
            tag1=tags[0],
            tag2=tags[1],
            claim=claim,
            lang=lang,
            weight=pop.influence[author] * weight_boost,
            appeal=appeal,
        )
        self.last_item[author] = seqs[0]
        return int(seqs[0])

    def _shock(self, mask: np.ndarray, shock: dict[str, float], novel: bool = True) -> None:
        delta = np.array([shock.get(e, 0.0) for e in EMOTIONS], dtype=np.float32)
        arousal = float(np.clip(np.abs(delta).sum(), 0, 1))
        self.crowd.shock(mask, delta, arousal, novel=novel)

    def _target_mask(self, groups: list[str], platforms: list[str], localities: list[int], reach: float) -> np.ndarray:
        pop = self.population
        mask = np.ones(pop.n, dtype=bool)
        if groups:
            mask &= np.isin(pop.group, [GROUPS.index(g) for g in groups])
        if platforms:
            mask &= pop.presence[:, [self.platform_names.index(p) for p in platforms]].any(axis=1)
        if localities:
            mask &= np.isin(pop.locality, localities)
        return mask & (self.rng.random(pop.n) < reach)

    def _owned(self, strategy: str, body: str, corrects: list[str]) -> list[str]:
        """True claims going round that a message owns: it apologises or excuses and says what the claim
        says — two of its words ("our own file-transfer server, which we should have updated"), not one
        ("our apologies to our employees" does not confirm that three were taken to hospital) — and
        neither denies nor corrects it."""
        if strategy not in OWNING:
            return []
        norm = detected_norm(body)
        return [c.id for c in self._going_round()
                if c.true and c.id not in corrects and keywords_named(norm, c.keywords) >= min(2, len(c.keywords))]

    def _going_round(self) -> list[Claim]:
        """The claims active now: a message can address or correct only what people have heard
        ("we'll update here" at minute 20 is no answer to a server rumour of minute 75)."""
        return [c for c, on in zip(self.scenario.claims, self.claim_active, strict=True) if on]

    def _claims_corrected(self, body: str, lang: str) -> list[str]:
        """The claims going round that a correcting message calls false: those it names where it
        corrects or denies (`classify.corrected_sentences`), not a fact it states beside them; when
        those sentences name none ("There are rumours about the water. They are untrue."), those it
        names anywhere. A true claim counts only in two of its words: « Aucun salarié n'est décédé »
        rebuts the rumour of deaths, not the hospitalisation of employees."""
        sentences, stated = corrected_sentences(body, lang), stated_clauses(body, lang)

        def enough(c: Claim) -> int:  # a true claim is called false, or owned, in two of its words, not one
            return min(2, len(c.keywords)) if c.true else 1

        # a true claim the message states ("three workers are in hospital") it owns, whatever it rebuts
        going = [c for c in self._going_round() if not (c.true and any(keywords_named(s, c.keywords) >= enough(c)
                                                                        for s in stated))]
        named = [c.id for c in going if any(keywords_named(s, c.keywords) >= enough(c) for s in sentences)]
        if named:
            return named
        norm = detected_norm(body)
        return [c.id for c in going if keywords_named(norm, c.keywords) >= enough(c)]

    def _claim_index(self, claim_id: str) -> int:
        return next(i for i, c in enumerate(self.scenario.claims) if c.id == claim_id)

    def _place(self, locality: int, lang: str) -> str:
        places = self.vocab[lang]["place"]
        return places[locality % len(places)]

    def _persona(self, persona_id: str) -> NotableAccount:
        try:
            return self._notable_by_id[persona_id]
        except KeyError:
            raise inp.InputError(f"unknown persona {persona_id!r}; the scenario lists {sorted(self._notable_by_id)}") from None

    def _message_author(self, author: str | None) -> NotableAccount:
        if author is None:
            return self.org_accounts[0]
        for a in self.org_accounts:
            if author in (a.persona.id, a.persona.handle, a.persona.name):
                return a
        names = [a.persona.id for a in self.org_accounts]
        raise inp.InputError(f"trainees post from the organisation's accounts {names}, not {author!r}")

    def _platform_index(self, name: str) -> int:
        try:
            return self.platform_names.index(name)
        except ValueError:
            raise inp.InputError(f"unknown platform {name!r}; this scenario has {list(self.platform_names)}") from None

    def _event(self, minute: int, source: str, label: str, **data: Any) -> None:
        event = {"t_min": minute, "source": source, "label": label, **data}
        self.events.append(event)
        for listener in self.listeners:
            listener(event)


def detected_norm(body: str) -> str:
    from .classify import _normalise

    return _normalise(body)[0]


def _doubt(confidence: float, alternatives: tuple[tuple[str, float], ...]) -> tuple[str, float, float] | None:
    """The reader's hesitation as the crowd's response takes it: (runner-up, p primary, p runner-up)."""
    return (alternatives[0][0], confidence, alternatives[0][1]) if alternatives else None


def _engine_reading(reading: Reading) -> dict[str, Any]:
    """The engine's reading of a message, as kept beside a trainer's correction."""
    return {"strategy": reading.strategy, "secondary": reading.secondary, "tone": reading.tone,
            "base_responses": list(reading.base_responses), "confidence": round(reading.confidence, 3),
            "alternatives": [k for k, _ in reading.alternatives]}


def _empty_batch() -> dict[str, np.ndarray]:
    empty_i = np.empty(0, dtype=np.int64)
    return {
        "author": empty_i,
        "platform": np.empty(0, dtype=np.int8),
        "emotion": empty_i,
        "weight": np.empty(0, dtype=np.float32),
        "group": np.empty(0, dtype=np.int8),
        "tag1": np.empty(0, dtype=np.int16),
        "tag2": np.empty(0, dtype=np.int16),
    }


__all__ = ["CrisisModel", "MessageRecord"]
