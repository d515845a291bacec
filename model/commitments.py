"""The promises in a message, and when they fall due.

A commitment is a clause in which the organisation promises a future action: an
update ("prochain point à 9h", "we'll share more at 6pm"), a remedy ("we will
refund every customer"), a service ("a hotline opens today"). Found by rules on
the normalised text, in French and English, clause by clause; what is quoted is
the trainee's own clause.

When a promise falls due — `due_min`, minutes after the message's own minute:

- a duration is read as written: "within the hour" → 60, "in 30 minutes" → 30,
  "sous 48 heures" → 2880, "within 3 days" → 4320;
- a clock time ("at 3 pm", "à 15h", "18h30") counts from the scenario's clock
  when it gives one (`start_time`, "HH:MM" at minute 0): the minutes from now to
  that time of day (tomorrow's if it has passed); with no clock,
  `CLOCK_DEFAULT_MIN` (60): the exercise cannot tell, so the promise is taken as
  "soon", the reading a crowd would make of an update announced for later today;
- "tonight / ce soir" → 20:00 by the clock, else 180; "today / aujourd'hui",
  "this afternoon / cet après-midi" → 18:00 by the clock, else 240; "tomorrow /
  demain" (without a time) → 1440; a day of the week or "this week" → 1440 × the
  days left when the clock says which day it is, else 2880; "next week / la semaine
  prochaine" → 10080;
- no time, or only a condition ("once the investigation concludes", "dès que
  possible") → None: the promise stays open and can be kept but not broken by time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CLOCK_DEFAULT_MIN = 60
TONIGHT_DEFAULT_MIN = 180
TODAY_DEFAULT_MIN = 240
DAY = 1440


@dataclass(frozen=True)
class Commitment:
    text: str  # the clause, quoted from the message
    when: str | None  # the time expression as written
    due_min: int | None  # minutes after the message; None when no time is given
    kind: str  # "update" (a promise to say more) or "action"

    def to_dict(self) -> dict:
        return {"text": self.text, "when": self.when, "due_min": self.due_min, "kind": self.kind}


# A promise: a future verb form or a scheduled announcement. Normalised text (lowercase, no accents).
_PROMISE = {
    "en": re.compile(
        r"\b(?:we|i|our \w+|the \w+|it|they|you|this|a \w+|an \w+)(?:'ll| will| shall| are going to| 're going to| am going to)\b(?! not)(?! never)"
        r"|\bwill (?:be|have|get|receive|open|remain|stay|continue|reopen|publish|post|share|hold|take|contact|call|pay|cover|refund|reimburse|replace)\b"
        r"|\b(?:next )?(?:update|briefing|press conference|statement|announcement|meeting|call|session)s? (?:at|by|on|tomorrow|tonight|this|every|later|from)\b"
        r"|\bfrom now on\b|\bstarting (?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next)\b"
        r"|\bwe(?:'re| are) (?:donating|offering|opening|setting up|launching|covering|refunding|sending|paying|giving|extending)\b"
        r"|\b(?:opens?|launches|starts) (?:today|tomorrow|tonight|at \d|this)\b"
        r"|\bwe commit\w*|\bwe promise\b|\bwe pledge\b|\bexpect (?:an update|more)\b"),
    "fr": re.compile(
        r"\b\w+(?:erons|irons|drons|rons)\b"
        r"|\b(?:sera|seront|aura|auront|fera|feront|pourra|pourront|restera|resteront|ira|iront|tiendra|viendra|recevrez|serez|aurez|pourrez)\b"
        r"|\b\w{3,}(?:era|eront|ira|iront)\b"
        r"|\b(?:allons|vais|va|vont) (?:\w+ )?[a-z]+(?:er|ir|re)\b"
        r"|\b(?:prochain|nouveau) (?:point|message|bilan|communique)\b|\bpoint (?:de situation |presse |d'etape )?(?:a \d|ce soir|demain|\d+h)"
        r"|\b(?:desormais|des demain|a partir de|a compter du|des aujourd'hui)\b"
        r"|\bnous (?:nous engageons|promettons)\b"),
}
# Not promises: refusals, conditions about others, forecasts of the crisis itself.
_NOT = {
    "en": re.compile(r"\b(?:will not|won't|shall not|will never) (?:comment|respond|speculate|be commenting|discuss|go into|get into|answer)"
                     r"|\bno further (?:comment|statement)s? will\b|\bwe(?:'ll| will) not\b"),
    "fr": re.compile(r"\bne (?:\w+ ){0,2}(?:ferons|ferai|fera|repondrons|repondrai|commenterons|exprimerons|prononcerons|s'exprimera|donnerons)\b"
                     r"|\baucun(?:e)? (?:commentaire|declaration) ne sera\b|\bne sera pas\b"),
}
_UPDATE = re.compile(
    r"\b(?:update|updates|briefing|press conference|statement|information|details|share more|more soon|keep you (?:posted|informed|updated)"
    r"|be back|with more|more soon|point|message|communiquerons|informerons|tiendrons informes|reviendrons|nous exprimerons|bilan|communique|conference de presse)\b")

_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "a": 1, "an": 1,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante-huit": 48, "quarante-cinq": 45,
}
_UNIT = {"minute": 1, "minutes": 1, "min": 1, "mn": 1, "hour": 60, "hours": 60, "hr": 60, "hrs": 60, "heure": 60,
         "heures": 60, "h": 60, "day": DAY, "days": DAY, "jour": DAY, "jours": DAY, "week": 7 * DAY, "weeks": 7 * DAY,
         "semaine": 7 * DAY, "semaines": 7 * DAY, "month": 30 * DAY, "months": 30 * DAY, "mois": 30 * DAY}
_NUM = r"(\d+|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")"
_UNITS = r"(minutes?|min|mn|hours?|hrs?|heures?|days?|jours?|weeks?|semaines?|months?|mois)"
_DURATION = re.compile(rf"\b(?:within|in|in the next|over the next|under|sous|d'ici|dans les|dans|en moins de|within the next)\s+{_NUM}\s+{_UNITS}\b")
_HOUR = re.compile(r"\b(?:within the hour|in the (?:next )?hour|in an hour|dans l'heure|d'ici une heure|dans une heure)\b")
_CLOCK = {
    "en": re.compile(r"\b(?:at|by|before|around|from|until)?\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)|\b(?:at|by|before|around)\s+(\d{1,2}):(\d{2})\b|\b(noon|midday|midnight)\b"),
    "fr": re.compile(r"\b(\d{1,2})\s?h\s?(\d{2})?\b|\b(midi|minuit)\b"),
}
_TONIGHT = re.compile(r"\b(?:tonight|this evening|ce soir|cette nuit)\b")
_TODAY = re.compile(r"\b(?:today|this afternoon|later today|aujourd'hui|cet apres-midi|dans la journee|this morning|ce matin)\b")
_TOMORROW = re.compile(r"\b(?:tomorrow|demain)\b")
_NEXT_WEEK = re.compile(r"\b(?:next week|la semaine prochaine)\b")
_WEEKDAY = re.compile(r"\b(?:by |on |this |d'ici |avant |des |au plus tard )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|this week|cette semaine|end of the week|fin de (?:la )?semaine)\b")
_WHEN_ANY = re.compile(
    r"\b(?:(?:by|before|from|until|on|at|within|in|starting|d'ici|avant|des|a partir d[eu]|a compter du|jusqu'au|jusqu'a|sous|pendant|chaque|every|each|le|au plus tard)\s+)?"
    r"(?:\d{1,2}(?:er)?\s+(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}"
    r"|(?:en|in)\s+(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|june|july|august|september|october|november|december)"
    r"|(?:the )?end of (?:the )?(?:month|year|week)|la fin (?:du mois|de l'annee|de la semaine))\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FR_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[-–—•]\s+")


def find_commitments(text: str, norm: str, index: list[int], lang: str, clock: int | None = None,
                     weekday: int | None = None) -> list[Commitment]:
    """The promises in a message. `norm`/`index`: the normalised text and its map to `text`.

    `clock`: minutes since midnight at the message's minute (None: the scenario has no
    clock); `weekday`: 0 = Monday, when the scenario says which day it is.
    """
    out: list[Commitment] = []
    start = 0
    for piece in [*_SPLIT.split(norm), None]:
        if piece is None:
            break
        at = norm.find(piece, start)
        start = at + len(piece)
        clause = piece.strip()
        if len(clause) < 6 or not _PROMISE[lang].search(clause) or _NOT[lang].search(clause):
            continue
        if clause.endswith("?") or re.match(r"^(?:if|si)\b", clause):
            continue
        when, due = due_minutes(clause, lang, clock, weekday)
        kind = "update" if _UPDATE.search(clause) else "action"
        lo, hi = at + (len(piece) - len(piece.lstrip())), at + len(piece.rstrip())
        quoted = text[index[lo]: index[hi - 1] + 1] if hi > lo else clause
        if when is not None:
            wstart = clause.find(when)
            if wstart >= 0:
                w0 = lo + wstart
                when = text[index[w0]: index[w0 + len(when) - 1] + 1]
        out.append(Commitment(text=quoted, when=when, due_min=due, kind=kind))
    return out


def due_minutes(clause: str, lang: str, clock: int | None = None, weekday: int | None = None) -> tuple[str | None, int | None]:
    """(time expression as found, minutes until due) for one normalised clause."""
    if m := _HOUR.search(clause):
        return m.group(0), 60
    if m := _DURATION.search(clause):
        count = int(m.group(1)) if m.group(1).isdigit() else _NUM_WORDS[m.group(1)]
        return m.group(0), count * _UNIT[m.group(2)]
    tomorrow = _TOMORROW.search(clause)
    if m := _CLOCK[lang].search(clause):
        minute_of_day = _clock_minutes(m, lang)
        expr = m.group(0).strip()
        if tomorrow:
            expr = clause[min(tomorrow.start(), m.start()): max(tomorrow.end(), m.end())].strip()
        if minute_of_day is None:
            return expr, CLOCK_DEFAULT_MIN
        if clock is None:
            return expr, DAY if tomorrow else CLOCK_DEFAULT_MIN
        wait = (minute_of_day - clock) % DAY
        return expr, (wait + DAY) if tomorrow else (wait or DAY)
    if m := _TONIGHT.search(clause):
        return m.group(0), _until(20 * 60, clock, TONIGHT_DEFAULT_MIN)
    if tomorrow:
        return tomorrow.group(0), DAY
    if m := _TODAY.search(clause):
        return m.group(0), _until(18 * 60, clock, TODAY_DEFAULT_MIN)
    if m := _NEXT_WEEK.search(clause):
        return m.group(0), 7 * DAY
    if m := _WEEKDAY.search(clause):
        word = m.group(1)
        days = 2
        if weekday is not None and word in _WEEKDAYS + _FR_WEEKDAYS:
            target = (_WEEKDAYS + _FR_WEEKDAYS).index(word) % 7
            days = (target - weekday) % 7 or 7
        elif weekday is not None:
            days = max(6 - weekday, 1)
        return m.group(0).strip(), days * DAY
    if m := _WHEN_ANY.search(clause):
        return m.group(0).strip(), None
    return None, None


def _until(minute_of_day: int, clock: int | None, default: int) -> int:
    if clock is None:
        return default
    return max((minute_of_day - clock) % DAY, 30)


def _clock_minutes(m: re.Match[str], lang: str) -> int | None:
    g = m.groups()
    if lang == "fr":
        if g[2]:
            return 12 * 60 if g[2] == "midi" else 0
        hour, minute = int(g[0]), int(g[1] or 0)
        return hour * 60 + minute if hour < 24 and minute < 60 else None
    if g[5]:
        return {"noon": 12 * 60, "midday": 12 * 60, "midnight": 0}[g[5]]
    if g[0] is not None:
        hour, minute = int(g[0]), int(g[1] or 0)
        if hour > 12 or minute > 59:
            return None
        pm = g[2].startswith("p")
        return ((hour % 12) + (12 if pm else 0)) * 60 + minute
    hour, minute = int(g[3]), int(g[4])
    return hour * 60 + minute if hour < 24 and minute < 60 else None
