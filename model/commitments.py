"""The promises in a message, and when they fall due.

A commitment is a clause in which the organisation promises a future action: an
update ("prochain point à 9h", "we'll share more at 6pm"), a remedy ("we will
refund every customer"), a service ("a hotline opens today") — in the future tense,
announced without a verb ("Nouvelle info à 11h", "Next update 10:30am"), stated in
the present with a time still to come ("je vous rappelle demain matin", "From
tomorrow, every driver must…"), offered ("Full refund in store", "on vous
rembourse les frais"), or a promise of what will not happen to those affected
("families will not be charged"). Not commitments: refusals ("je ne dirai rien",
"we will not comment"), statements of what will never be done ("nous ne vous
demanderons jamais votre code"), third parties' futures ("the court will hear"),
forecasts told as a reader's knowledge ("you'll appreciate", "many of you will
have seen"). Found by rules on the normalised text, in French and English, clause
by clause; what is quoted is the trainee's own clause.

When a promise falls due — `due_min`, minutes after the message's own minute:

- a duration is read as written: "within the hour" → 60, "in 30 minutes" → 30,
  "sous 48 heures" → 2880, "within 3 days" → 4320; a recurring promise ("every
  hour", « toutes les heures ») at its first recurrence;
- a clock time ("at 3 pm", "11:30", "à 15h", "18h30", « à 18 heures ») counts from the scenario's clock
  when it gives one (`start_time`, "HH:MM" at minute 0): the minutes from now to
  that time of day (tomorrow's if it has passed); with no clock,
  `CLOCK_DEFAULT_MIN` (60): the exercise cannot tell, so the promise is taken as
  "soon", the reading a crowd would make of an update announced for later today;
- "tonight / ce soir" → 20:00 by the clock, else 180; "today / aujourd'hui",
  "this afternoon / cet après-midi" → 18:00 by the clock, else 240; "tomorrow /
  demain" (without a time) → 1440; a day of the week or "this week" → 1440 × the
  days left when the clock says which day it is, else 2880; "next week / la semaine
  prochaine" → 10080;
- a time that names a train or opens a range (« le train de 10h15 », « de 10 h à
  19 h », "the 7:42") is no deadline;
- no time, only a condition ("once the investigation concludes", "dès que
  possible") or a longer horizon, quoted but not timed ("by the end of the quarter",
  « d'ici l'été ») → None: the promise stays open and can be kept but not broken by time.
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
        r"\b(?:we|i|our \w+|the \w+|it|you|a \w+|an \w+)(?:'ll| will| shall| are going to| 're going to| am going to)\b(?! not)(?! never)"
        r"|\bwill (?:be|have|get|receive|open|remain|stay|continue|reopen|publish|post|share|hold|take|contact|call|pay|cover|refund|reimburse|replace)\b"
        r"|\bwill (?:\w+ly )?(?:make|install|extend|contribute|donate|provide|respond|complete|include|report|follow|appear|reach|"
        r"go (?:to|straight|back|toward)|arrive|host|update|audit|review|fund|introduce|train|offer|send|give|run|return|resume|"
        r"restart|launch|set up|meet|visit|deliver|invest|hire|appoint|create|credit|waive|match|write|email|text|notify|inform)\b"
        r"|\b(?:next )?(?:update|briefing|press conference|statement|announcement|meeting|call|session)s? (?:(?:at|by|from) \d|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow|tonight|this (?:afternoon|evening|morning)|every|later)\b"
        r"|\bfrom now on\b|\bstarting (?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next)\b"
        r"|\bwe(?:'re| are) (?:donating|offering|opening|setting up|launching|covering|refunding|sending|paying|giving|extending)\b"
        r"|\b(?:opens?|launches|starts) (?:today|tomorrow|tonight|at \d|this)\b"
        r"|\bwe commit\w*|\bwe promise\b|\bwe pledge\b|\bexpect (?:an update|more)\b"),
    "fr": re.compile(
        r"\b\w+(?:erons|irons|drons|rons)\b"
        r"|\b(?:sera|seront|aura|auront|fera|feront|pourra|pourront|restera|resteront|ira|iront|tiendra|viendra|recevrez|serez|aurez|pourrez)\b"
        r"|\b\w{3,}(?:era|eront|ira|iront)\b|\b\w*(?:ndr|rdr|iendr|cevr|ivr|ettr|attr|audr|oudr|ourr|err|saur)(?:a|as|ont)\b"
        r"|\b(?:je|j') ?(?:[\w']+ ){0,2}\w{2,}rai\b|\b(?:desormais|dorenavant|a l'avenir)\b.*\bdevr(?:a|ont)\b"
        r"|\b(?:allons|vais|va|vont) (?:\w+ )?[a-z]+(?:er|ir|re)\b"
        r"|\b(?:prochain|nouveau) (?:point|message|bilan|communique)\b|\bpoint (?:de situation |presse |d'etape )?(?:a \d|ce soir|demain|\d+h)"
        r"|\bdes (?:demain|ce soir|aujourd'hui)\b|\b(?:a partir d[eu]|a compter d[eu]) (?:demain|ce soir|aujourd'hui|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|la semaine prochaine|la rentree|\d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre))\b"
        r"|\bnous (?:nous engageons|promettons)\b"),
}
# A scheduled announcement without a verb ("Nouvelle info à 11h", "Next update 10:30am",
# "Courrier personnel sous 8 jours", "Investor call Thursday"): what is announced, then its time.
_SOON = (r"(?:(?:a|at|by|before|avant|vers|around|des|d'ici|sous|within|in|dans|on|le|ce|this|next)\s+)?"
         r"(?:\d{1,2}\s?(?:h|:)\s?\d{0,2}|\d{1,2}\s?(?:am|pm)|\d+ (?:minutes?|heures?|hours?|jours?|days?)|demain|tomorrow|"
         r"ce soir|tonight|midi|noon|"
         r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
         r"la levee|the (?:end|close))(?!'s)")
_ANNOUNCED = {
    "en": re.compile(r"\b(?:next|new|further|another) (?:update|briefing|alert|statement)s?\b"
                     r"|\b(?:update|briefing|details|information|info|results?|call|email|alert|meeting|session)s? (?:\w+ ){0,2}" + _SOON + r"\b"),
    "fr": re.compile(r"\b(?:prochain|nouveau|nouvelle|prochaine)s? (?:point|message|bilan|communique|infos?|informations?|sms|mail|courriel|publication|mise a jour)\b"
                     r"|\b(?:infos?|informations?|mise a jour|point|resultats?|horaires?|courrier|precisions?|details?|bilan|reponse|reunion|rencontre|permanence)s? (?:[\w'-]+ ){0,2}"
                     r"(?:attendus? |prevus? |detailles? )?" + _SOON + r"\b"),
}
# The same with its subject between, when the time ends the sentence (« Point sur les prélèvements d'air
# à 10h. », "Update on the water tests at 6pm."); a time followed by news is a heading that dates it
# (« Point sur la situation à 10h : la fuite est colmatée »).
_ANNOUNCED_ON = {
    "en": re.compile(r"\b(?:update|briefing|details|information|results?)s? (?:on|about|regarding|of) (?:[\w'-]+ ){1,6}?"
                     + _SOON + r"\s*(?:[.!]|$)"),
    "fr": re.compile(r"\b(?:point|infos?|informations?|precisions?|bilan|resultats?)s? (?:sur|concernant|des|du|de la|de l') ?(?:[\w'-]+ ){1,6}?"
                     + _SOON + r"\s*(?:[.!]|$)"),
}
# A meeting set for those affected or the press ("Rendez-vous jeudi à 18h pour un point complet", "Join us
# at 3pm for a briefing"): a promise to say more at that time, though it opens like an instruction.
_MEETING = {
    "en": re.compile(r"^(?:please )?(?:join us|see you|meet us) (?:[\w'-]+ ){0,3}?" + _SOON
                     + r".{0,40}?\bfor (?:an?|the|our) (?:[\w'-]+ )?(?:update|briefing|press conference|meeting|q&a|session)\b"),
    "fr": re.compile(r"^rendez-vous " + _SOON  # the time first: « rendez-vous aux urgences dès 8h » instructs
                     + r".{0,40}?\bpour (?:un|une|le|la|les|notre|nos) (?:[\w'-]+ )?(?:point|bilan|reunion|rencontre|conference|"
                     r"echange|presentation|informations?)\b"),
}
# A remedy offered in the present or without a verb ("Full refund in any store", "on vous rembourse
# les frais", "Return it to the shop for a full refund", "Hot cocoa on us"): rule 14's future actions
# stated in the present.
_OFFER = {
    "en": re.compile(r"\b(?:full|free) (?:refund|replacement|exchange)s?\b|\bfor a (?:full )?refund\b|\brefunds? in (?:any |the )?(?:store|shop)\b"
                     r"|\b(?:coffee|drinks?|cocoa|churros|pizza|lunch|dinner|breakfast|meals?|desserts?|snacks?|tea|round|ice cream)(?:'s| is| are)? on us\b|\bclaim (?:it|them|this|that) back\b|\bwe(?:'re| are) (?:bringing forward|introducing|installing|investing|"
                     r"rolling out|turning on|publishing|changing|funding|paying|adding|hiring)\b|\bwe intend to\b|\bwe plan to\b"),
    "fr": re.compile(r"\b(?:on|nous|je) (?:vous |la |le |les |l'|leur )*(?:rembours|rempla[cç]|echang|offr|prend\w* en charge|propos)\w*"
                     r"|\bremboursement (?:integral|complet|en magasin|immediat)|\b(?:un )?(?:echange ou (?:un )?remboursement|remboursement ou (?:un )?echange)\b"
                     r"|\bvous (?:est|sont) offerte?s?\b|\b(?:est|sont) offerte?s? (?:a|aux)\b|\bgratuitement sous\b|\bnous engageons\b"),
}
# An action in the present with a time still to come ("je vous rappelle demain matin", "On rouvre
# mardi", "The new sign goes up on Monday"), or a promise to keep people posted, in a clause that
# does not tell of the past.
_PRESENT_FUTURE = {
    "en": re.compile(r"\b(?:from|starting|beginning) (?:tomorrow|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next \w+|"
                     r"\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december)|"
                     r"(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2})\b"
                     r"|\b(?:tomorrow|next week)\b"
                     r"|\bkeep (?:you|everyone|customers|parents|families) (?:posted|updated|informed)\b|\b(?:get back to|be in touch with) you\b"),
    "fr": re.compile(r"\b(?:demain|ce soir|sous (?:\d+|huit|quinze|dix|deux|trois) \w+|d'ici|avant (?:midi|ce soir|demain|le \d+|la fin|fin)|avant (?:[\w']+ ){1,3}de (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|"
                     r"la semaine prochaine|(?:en |a la )?fin (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)|"
                     r"des (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),)\b"
                     r"|\b(?:vous|te|les) (?:tiens|tient|tenons|tiendrons) (?:au courant|informes?)\b|\b(?:reviens|revenons|revient) vers (?:vous|toi)\b"),
}
_PAST = {
    "en": re.compile(r"\b(?:was|were|had|did|has been|have been|yesterday|last (?:night|week))\b|\b\w+ed (?:on|by|from)\b"),
    "fr": re.compile(r"\b(?:ont|avons|avez|avait|avaient|etait|etaient|fut|hier|peuvent|pouvez|devrait|menu)\b"
                     r"|\b(?:a|ai) (?:(?:bien|deja|ete|pas|rapidement|immediatement|aussitot) )?(?!une\b|toute\b|cette\b|notre\b|votre\b|leur\b|ce\b|la\b|le\b)\w+(?:e|es|i|is|it|u|us)\b(?<!midi)"
                     r"|(?:^|[,:] )(?:ne |n')?[a-z]+ez\b"),  # told of the past, advice, or an instruction ("Soyez prudents demain")
}
# Not promises: refusals, conditions about others, forecasts of the crisis itself.
_NOT = {
    "en": re.compile(r"\b(?:court|tribunal|judge|jury|police|investigators?|inquiry|prosecutors?|regulators?|authorities|coroner|history|time) will\b"
                     r"|\byou(?:'ll| will) (?:appreciate|understand|know|see|agree|notice|find|remember|recall|note)\b"
                     r"|\b(?!we\b|i\b)\w+ will have to\b|\bwill have (?:seen|heard|read|noticed)\b|\bwhat i will say\b"
                     r"|\bwill be (?:aware|worrying|difficult|hard|upsetting|a shock|a relief)\b|\bwe(?:'ll| will) (?:take that|give (?:him|her|them|you|it) that|get through)\b"
                     r"|\b(?:this|that|it) will (?:delay|take time|slow)\b|\bit(?:'ll| will) be back to\b"
                     r"|\b(?:will not|won't|shall not|will never) (?:comment|respond|speculate|be commenting|discuss|go into|get into|answer)"
                     r"|\bno further (?:comment|statement)s? will\b|\bwe(?:'ll| will) not\b"),
    "fr": re.compile(r"\bne (?:\w+ ){0,2}(?:ferons|ferai|fera|repondrons|repondrai|commenterons|exprimerons|prononcerons|s'exprimera|donnerons)\b"
                     r"|\baucun(?:e)? (?:commentaire|declaration) ne sera\b|\bne sera pas\b"),
}
# Promises of what will not happen to those affected ("families will not be charged", "he will
# not play for us again"): checked before the refusals, which they resemble.
_NOT_AGAIN = {
    "en": re.compile(r"\b(?:will not|won't) be (?:charged|billed|penali[sz]ed|out of pocket)\b"
                     r"|\b(?:will not|won't|will never) (?:[\w']+ ){1,4}(?:again|ever again)\b"),
    "fr": re.compile(r"\bne (?:\w+ ){0,2}(?:seront|sera) pas (?:factures?|preleves?|debites?|penalises?)\b"
                     r"|\bne (?:\w+ ){0,2}\w+(?:ra|rons|ront) plus (?:jamais )?(?:sous|pour|chez|avec|dans)\b"),
}
_UPDATE = re.compile(
    r"\b(?:update|updates|briefing|press conference|statement|information|details|share more|more soon|keep you (?:posted|informed|updated)"
    r"|be back|with more|more soon|point|message|communiquerons|informerons|tiendrons informes|reviendrons|reviendrai|nous exprimerons|bilan|communique|conference de presse"
    r"|infos?|sms|mise a jour|resultats|horaires|au courant|informes|reviens vers|revenons vers|get back to|be in touch|alerts?|let you know)\b")

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
_DURATION = re.compile(rf"\b(?:within|in|in the next|over the next|under|sous|d'ici|dans les|dans|en moins de|within the next)\s+"
                       rf"(?:about |around |roughly |environ |a peu pres )?{_NUM}\s+(?:business |working )?{_UNITS}(?: ouvres| ouvrables)?\b")
# a recurring promise falls due at its first recurrence ("We'll update this thread every hour")
_EVERY = re.compile(rf"\b(?:every|each|toutes les|chaque)\s+(?:{_NUM}\s+)?(minutes?|hours?|heures?|days?|jours?)\b")
_HOUR = re.compile(r"\b(?:within the hour|in the (?:next )?hour|in an hour|dans l'heure|d'ici une heure|dans une heure)\b")
_CLOCK = {
    # a time that names a train or a range of opening hours ("the 7:42", "le train de 10h15", "de 10 h à 19 h") is no
    # deadline; a start is ("à partir de 14h")
    "en": re.compile(r"\b(?:at|by|before|around|from|until)?\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)"
                     r"|\b(?:(?:at|by|before|around)\s+)?(?<!the )(?<!\d)(\d{1,2}):(\d{2})\b|\b(noon|midday|midnight)\b"),
    "fr": re.compile(r"(?:(?<=partir de )|(?<!\bde )(?<!\bdu )(?<!\bdes ))\b(\d{1,2})\s?h\s?(\d{2})?\b|\b(midi|minuit)\b"
                     r"|\b(?:a|vers|avant|des)\s+(\d{1,2})\s+heures?\b"),
}
_TONIGHT = re.compile(r"\b(?:tonight|this evening|ce soir|cette nuit)\b")
_TODAY = re.compile(r"\b(?:today|this afternoon|later today|aujourd'hui|cet apres-midi|dans la journee|this morning|ce matin"
                    r"|(?:by |before )?(?:the )?end of (?:the )?(?:business )?day|close of business|en fin de journee"
                    r"|(?:d'ici |avant )?la fin de (?:la )?journee)\b")
_TOMORROW_MORNING = re.compile(r"\b(?:tomorrow morning|demain matin)\b")
_TOMORROW = re.compile(r"\b(?:tomorrow|demain)\b")
_NEXT_WEEK = re.compile(r"\b(?:next week|la semaine prochaine)\b")
_WEEKDAY = re.compile(r"\b(?:by |on |this |d'ici |avant |des |au plus tard )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|this week|cette semaine|end of the week|fin de (?:la )?semaine)\b")
_WHEN_ANY = re.compile(
    r"\b(?:(?:by|before|from|until|on|at|within|in|starting|d'ici|avant|des|a partir d[eu]|a compter du|jusqu'au|jusqu'a|sous|pendant|chaque|every|each|le|au plus tard)\s+)?"
    r"(?:\d{1,2}(?:er)?\s+(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}"
    r"|(?:en|in)\s+(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|june|july|august|september|october|november|december)"
    r"|(?:the )?end of (?:the |next |this )?(?:month|year|week|quarter|academic year|term)|la fin (?:du mois|de l'annee|de la semaine)"
    r"|\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"|(?:next|this) (?:month|year|summer|winter|spring|autumn|term|series)|(?:l'ete|l'hiver|l'automne|le printemps|la rentree)(?: prochaine?)?"
    r"|ce mois-ci|cet (?:ete|hiver|automne)|the coming (?:days|weeks)|the next few (?:days|weeks)|les prochains jours|les prochaines semaines"
    r"|(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
    r"january|february|march|april|june|july|august|september|october|november|december))\b")
_DAY_NAME = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FR_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# a message's heading that dates it ("UPDATE 14:30 —", "Update at 11:20:", « Point de situation 16h : »,
# « Point de 11h, comme annoncé : », « Point de 10 h. », "Our 11 am update, as promised:"), not a time to come
_HEADING_TIME = r"(?:\d{1,2}\s?(?:h|:)\s?\d{0,2}|\d{1,2}\s?(?:am|pm))"
_HEADING = re.compile(r"^(?:(?:our|the|notre|le) )?"
                      r"(?:(?:update|mise a jour|maj|point de situation|point|info|statement|communique)\s*(?:de |d'|of |at |a )?"
                      rf"[(\[]?\s*{_HEADING_TIME}\s*[)\]]?|{_HEADING_TIME}\s+(?:update|point))"
                      r"\s*(?:,\s*(?:comme (?:annonce|prevu|promis)e?|as (?:announced|promised|planned)))?\s*(?:[:.\-–—]|$)")
_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[-–—•]\s+")


#: Where two promises are joined, each with its own time ("…at 11 am and … by 6 pm")
_AND = {"en": re.compile(r",?\s+and\s+"), "fr": re.compile(r",?\s+et\s+")}
#: A part that opens on a verb of its own after "and"/"et" ("…every customer and post an update at
#: 3 pm", « …chaque client et publierons un point à 15h »): a second promise of the same speaker,
#: not a second object of the first verb ("contact customers and their families by 3 pm").
_NEW_VERB = {
    "en": re.compile(r"we(?: will|'ll| are going to) \w+|(?:post|publish|send|email|e-mail|text|call|contact|refund|"
                     r"compensate|reimburse|replace|open|reopen|hold|give|share|provide|update|inform|notify|report|"
                     r"release|launch|set up|meet|visit|review|investigate|pay|cover|offer|restore|repair|fix|write|"
                     r"announce|answer|respond|return|deliver|extend|check|test|install|appoint|suspend|recall|remove|"
                     r"present|organi[sz]e|host|brief|confirm|explain|resume|waive|put|make)\b"
                     # an object follows: "repair costs" is a noun
                     r"(?= (?:a|an|the|every|all|each|any|our|your|their|its|it|them|you|us|what|how|why|up|for|to|"
                     r"with|in|on|back|out|more|new|free|full|daily|regular|\d))"),
    "fr": re.compile(r"(?:nous |on )?(?:vous |les |leur |lui )?(?:allons |pourrons )?[a-z]+rons\b|(?:nous )?allons\b"
                     r"|vous [a-z]+rez\b"),
}
_WORD = re.compile(r"[^\W\d_]{2,}")
#: What may come before a time that opens a part ("d'avril", "de 9h", "at 6 pm")
_TIME_LEAD = re.compile(r"(?:d'|de |du |a |at |on |by )?")
_NE = re.compile(r"\b(?:ne|n')\b")
_NEGATION_AFTER = re.compile(r"^\s*(?:[\w']+\s+)?(?:pas|jamais|plus|rien|aucune?|personne|guere|nullement)\b")
_NEGATION_IN = re.compile(r"\b(?:pas|jamais|plus|rien|aucune?)\b")
# A clause that tells the reader what to do ("Changez votre mot de passe dès aujourd'hui", "Please
# stay indoors until tomorrow morning", « D'ici là, merci de ne pas relayer… ») gives instructing information:
# its time is the reader's deadline, not a promise the organisation could keep or break. It still
# promises where it offers a remedy or a verb does ("Return it for a full refund", "Consultez notre
# site, qui sera mis à jour dès ce soir"), or where the organisation speaks in it.
_INSTRUCTION = {
    "en": re.compile(r"^(?:[\w' ]{2,30}?, )?(?:please )?(?:do not |don't |never )?"
                     r"(?:stay|keep|avoid|call|ring|phone|text|check|change|reset|return|bring|take|use|contact|follow|boil|drink|"
                     r"eat|go|leave|close|remain|monitor|watch|be|make sure|remember|report|visit|wait|delete|ignore|install|"
                     r"turn|switch|unplug|stop|throw|dispose|consult|seek|evacuate|shelter|listen|protect|secure|enable|"
                     r"cancel|block|verify|download|register|apply|claim|collect|send|book|present|show|look out|hang up)\b"
                     r"(?!.*\b(?:we|i)\b)"),
    "fr": re.compile(r"^(?:[\w' ]{2,30}?, )?"
                     r"(?:(?:merci de|veuillez|priere de)\b|(?:ne |n')?(?!chez\b|assez\b)[a-z]{2,}ez\b)"
                     r"(?!.*\b(?:nous|je|j'|on)\b)"),
}
_CONDITION = re.compile(r"^(?:if|when|should|si|quand|lorsque|en cas d(?:e |'))\b[^,]{0,80},\s*")


def instructs(clause: str, lang: str) -> bool:
    """Whether a normalised clause tells people what to do ("hang up", « raccrochez », after an
    "if anyone calls…," that sets when): an instruction, not a claim one can doubt or deny."""
    return lang in _INSTRUCTION and bool(_INSTRUCTION[lang].match(_CONDITION.sub("", clause.strip())))


# what in a clause promises by its time alone ("dès demain", "starting today", "update at 5"): not in an instruction
_DATED = {
    "en": re.compile(r"(?:from now on|starting|(?:opens?|launches|starts) |(?:next )?(?:update|briefing|press conference|"
                     r"statement|announcement|meeting|call|session))"),
    "fr": re.compile(r"(?:des|a partir d|a compter d|(?:prochain|nouveau) |point)"),
}
_KEEPING = re.compile(r"\b(?:lach|ferm|abandonn|quitt|oubli|renonc|relach)\w*")


def _refused(clause: str, m: re.Match[str]) -> bool:
    """A French future under a negation ("je ne dirai rien", "nous ne vous demanderons jamais", "je ne
    vais pas répondre"): a refusal or a statement of what will not happen, not a promise — except
    promises not to give up ("nous ne fermerons pas", "nous ne lâcherons rien"; and `_NOT_AGAIN`)."""
    before = clause[max(0, m.start() - 24): m.end()]
    negated = bool(_NE.search(before.split(",")[-1])) and bool(
        _NEGATION_AFTER.match(clause[m.end():]) or _NEGATION_IN.search(m.group(0)))
    return negated and not _KEEPING.search(m.group(0))


def _promises(clause: str, lang: str) -> bool:
    """Whether one normalised clause promises something (see the module's docstring)."""
    if _NOT_AGAIN[lang].search(clause):
        return True
    if _NOT[lang].search(clause):
        return False
    if _OFFER[lang].search(clause) or _MEETING[lang].search(clause):
        return True
    instruction = bool(_INSTRUCTION[lang].search(clause))
    if not instruction:
        if _ANNOUNCED[lang].search(clause) or _ANNOUNCED_ON[lang].search(clause):
            return True
        if _PRESENT_FUTURE[lang].search(clause) and not _PAST[lang].search(clause):
            return True
    return any(not (lang == "fr" and _refused(clause, m)) and not (instruction and _DATED[lang].match(m.group(0)))
               for m in _PROMISE[lang].finditer(clause))


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
        first = not norm[:at].strip()
        start = at + len(piece)
        clause = piece.strip()
        if first and (heading := _HEADING.match(clause)):  # "UPDATE 14:30 —": when this was written
            clause = clause[heading.end():].strip()
        if len(clause) < 6 or clause.endswith("?") or not _promises(clause, lang):
            continue
        lo = norm.find(clause, at)
        for offset, part in _each_with_its_time(clause, lang, clock, weekday):
            out.append(_commitment(text, index, lo + offset, part, lang, clock, weekday))
    return out


def _each_with_its_time(clause: str, lang: str, clock: int | None, weekday: int | None) -> list[tuple[int, str]]:
    """(offset, part) of a clause whose promises are joined by "and"/"et", each with its own time
    ("an update at 11 am and an email to every member by 6 pm", « …avant l'été, et nous organiserons
    des réunions en avril »: two promises, two times); the whole clause otherwise. A part that
    only tells what was done ("the transfers left this morning and will reach you by Thursday") is
    left out."""
    parts = _split_at_times(clause, lang, clock, weekday)
    if len(parts) == 1:
        return parts
    kept = [(o, p) for i, (o, p) in enumerate(parts)
            if _promises(p, lang) or (i and not _PAST[lang].search(p))]
    return kept or [(0, clause)]


def _split_at_times(clause: str, lang: str, clock: int | None, weekday: int | None) -> list[tuple[int, str]]:
    """(offset, part) of `clause` cut at each "and"/"et" that joins two promises with times of their
    own: both timed, or one timed and the other opening on a verb of its own or, after a comma, a
    promise of its own ("we will compensate every customer and post an update at 3 pm": one promise
    with no time, one due at 3 pm)."""
    for m in _AND[lang].finditer(clause):
        left, right = clause[: m.start()], clause[m.end():]
        first, second = due_minutes(left, lang, clock, weekday)[0], due_minutes(right, lang, clock, weekday)[0]
        if first and second:
            # a new clause: after a comma, or after a time that closes the first one ("at 11 am and
            # email…"), not a second time of the same thing ("samedi et dimanche", "9 am and 6 pm")
            joined = m.group(0).startswith(",") or left.rstrip(" .").endswith(first)
            if not joined or _opens_on_a_time(right) or right.startswith(second):
                continue
        elif not ((first or second) and _promises(left, lang)
                  and (_NEW_VERB[lang].match(right) or (m.group(0).startswith(",") and _promises(right, lang)))):
            continue
        if all(len(_WORD.findall(side.replace(when, " ") if when else side)) >= 2
               for side, when in ((left, first), (right, second))):
            return [(0, left), *((m.end() + o, p) for o, p in _split_at_times(right, lang, clock, weekday))]
    return [(0, clause)]


def _opens_on_a_time(part: str) -> bool:
    """Whether `part` continues the one before with another time of the same thing (« de samedi et
    dimanche », "à 7 h 12 et 17 h 48", « mars et d'avril »)."""
    rest = part[_TIME_LEAD.match(part).end():]
    return rest[:1].isdigit() or bool(_DAY_NAME.match(rest) or _WHEN_ANY.match(rest))


def _commitment(text: str, index: list[int], lo: int, clause: str, lang: str, clock: int | None,
                weekday: int | None) -> Commitment:
    """The promise of `clause`, found at `lo` in the normalised text, quoted from `text` as written."""
    when, due = due_minutes(clause, lang, clock, weekday)
    kind = "update" if _UPDATE.search(clause) else "action"
    hi = lo + len(clause)
    quoted = text[index[lo]: index[hi - 1] + 1] if hi > lo else clause
    if when is not None:
        wstart = clause.find(when)
        if wstart >= 0:
            w0 = lo + wstart
            when = text[index[w0]: index[w0 + len(when) - 1] + 1]
    return Commitment(text=quoted, when=when, due_min=due, kind=kind)


def due_minutes(clause: str, lang: str, clock: int | None = None, weekday: int | None = None) -> tuple[str | None, int | None]:
    """(time expression as found, minutes until due) for one normalised clause."""
    if m := _HOUR.search(clause):
        return m.group(0), 60
    if m := _DURATION.search(clause):
        count = int(m.group(1)) if m.group(1).isdigit() else _NUM_WORDS[m.group(1)]
        return m.group(0), count * _UNIT[m.group(2)]
    if m := _EVERY.search(clause):
        count = (int(m.group(1)) if m.group(1).isdigit() else _NUM_WORDS[m.group(1)]) if m.group(1) else 1
        return m.group(0), count * _UNIT[m.group(2)]
    tomorrow = _TOMORROW.search(clause)
    if m := _CLOCK[lang].search(clause):
        # a time on a later day: "demain à 9h", "on Thursday at 7pm", "by 4pm on Friday"
        day = tomorrow or _DAY_NAME.search(clause)
        days = 1 if tomorrow else _days_until(day.group(1), weekday) if day else 0
        expr = m.group(0).strip()
        if day and max(day.start(), m.start()) - min(day.end(), m.end()) > 30:  # the hour is another's
            expr, m = day.group(0), None
        elif day:
            expr = clause[min(day.start(), m.start()): max(day.end(), m.end())].strip()
        minute_of_day = _clock_minutes(m, lang) if m else None
        if minute_of_day is None or clock is None:
            return expr, days * DAY or CLOCK_DEFAULT_MIN
        if days == 7 and minute_of_day > clock:  # "Monday at 4pm" said on Monday at 2pm: today
            days = 0
        if days:
            return expr, days * DAY + minute_of_day - clock
        return expr, (minute_of_day - clock) % DAY or DAY
    if m := _TONIGHT.search(clause):
        return m.group(0), _until(20 * 60, clock, TONIGHT_DEFAULT_MIN)
    if tomorrow:
        if (morning := _TOMORROW_MORNING.search(clause)) and clock is not None:  # by nine
            return morning.group(0), DAY + 9 * 60 - clock
        return tomorrow.group(0), DAY
    if m := _TODAY.search(clause):
        return m.group(0), _until(18 * 60, clock, TODAY_DEFAULT_MIN)
    if m := _NEXT_WEEK.search(clause):
        return m.group(0), 7 * DAY
    if m := _WEEKDAY.search(clause):
        return m.group(0).strip(), _days_until(m.group(1), weekday) * DAY
    if m := _WHEN_ANY.search(clause):
        return m.group(0).strip(), None
    return None, None


def _days_until(word: str, weekday: int | None) -> int:
    """Days until a named day ("thursday", "fin de semaine") from today's `weekday` (0 = Monday);
    two when the scenario does not say which day it is."""
    if weekday is None:
        return 2
    if word in _WEEKDAYS + _FR_WEEKDAYS:
        return ((_WEEKDAYS + _FR_WEEKDAYS).index(word) % 7 - weekday) % 7 or 7
    return max(6 - weekday, 1)


def _until(minute_of_day: int, clock: int | None, default: int) -> int:
    if clock is None:
        return default
    return max((minute_of_day - clock) % DAY, 30)


def _clock_minutes(m: re.Match[str], lang: str) -> int | None:
    g = m.groups()
    if lang == "fr":
        if g[2]:
            return 12 * 60 if g[2] == "midi" else 0
        hour, minute = int(g[0] or g[3]), int(g[1] or 0)
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
