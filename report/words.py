"""The report's words in French and English, and the SCCT reasons translated."""

from __future__ import annotations

import re

WORDS: dict[str, dict[str, str]] = {
    "title": {"fr": "Main courante de communication de crise", "en": "Crisis communication log (main courante)"},
    "scenario": {"fr": "Scénario", "en": "Scenario"},
    "team": {"fr": "Équipe", "en": "Team"},
    "date": {"fr": "Date", "en": "Date"},
    "duration": {"fr": "Durée", "en": "Duration"},
    "seed": {"fr": "Graine", "en": "Seed"},
    "minutes": {"fr": "minutes", "en": "minutes"},
    "pressure": {"fr": "Pression", "en": "Pressure"},
    "pressure_curve": {"fr": "La pression sur toute la session", "en": "Pressure over the session"},
    "courante": {"fr": "Main courante", "en": "Main courante"},
    "time": {"fr": "Heure", "en": "Time"},
    "source": {"fr": "Source", "en": "Source"},
    "who": {"fr": "Qui", "en": "Who"},
    "event": {"fr": "Événement", "en": "Event"},
    "detail": {"fr": "Détail", "en": "Detail"},
    "figures": {"fr": "Chiffres clés", "en": "Key figures"},
    "first_response": {"fr": "Délai de première réponse", "en": "Time to first response"},
    "peak_pressure": {"fr": "Pression maximale", "en": "Peak pressure"},
    "mean_pressure": {"fr": "Pression moyenne", "en": "Mean pressure"},
    "items": {"fr": "Réactions de la foule", "en": "Crowd items"},
    "messages": {"fr": "Messages de l'équipe", "en": "Team messages"},
    "no_response": {"fr": "pas de réponse", "en": "no response"},
    "response_to_injects": {"fr": "Délai de réponse à chaque inject", "en": "Response time to each inject"},
    "response_to_questions": {"fr": "Questions des journalistes", "en": "Journalists' questions"},
    "journalist": {"fr": "Journaliste", "en": "Journalist"},
    "asked": {"fr": "Posée", "en": "Asked"},
    "deadline": {"fr": "Échéance", "en": "Deadline"},
    "status": {"fr": "Suite", "en": "Outcome"},
    "answered": {"fr": "répondu", "en": "answered"},
    "missed": {"fr": "manquée", "en": "missed"},
    "declined": {"fr": "refus de commenter", "en": "declined to comment"},
    "open": {"fr": "en attente", "en": "open"},
    "reputation": {"fr": "E-réputation (approbation − colère/moquerie)", "en": "E-reputation (approval − anger/mockery)"},
    "shares": {"fr": "Part de chaque émotion par groupe", "en": "Share of each emotion per group"},
    "hashtags": {"fr": "Hashtags principaux", "en": "Top hashtags"},
    "peak_at": {"fr": "pic à", "en": "peak at"},
    "cascades": {"fr": "Plus grandes cascades", "en": "Largest cascades"},
    "started_by": {"fr": "lancée par", "en": "started by"},
    "impact": {"fr": "Impact mesuré de chaque message", "en": "Measured impact of each message"},
    "impact_intro": {
        "fr": "Chaque message est retiré et la session rejouée (même scénario, mêmes autres actions) sur {k} graines. "
              "Écart avec − sans message sur la colère moyenne, le volume négatif et la pression, intervalle de confiance à 95 %. "
              "Négatif = le message a calmé ; positif = il a enflammé.",
        "en": "Each message is removed and the session replayed (same scenario, same other inputs) over {k} seeds. "
              "Difference with − without the message in mean anger, negative volume and pressure, with a 95% "
              "confidence interval. Negative = the message calmed; positive = it inflamed."},
    "impact_off": {"fr": "Analyse d'impact non calculée (--no-impact).", "en": "Impact analysis not computed (--no-impact)."},
    "anger_change": {"fr": "Δ colère (60 min)", "en": "Δ anger (60 min)"},
    "negative_volume": {"fr": "Δ volume négatif", "en": "Δ negative volume"},
    "verdict": {"fr": "Verdict", "en": "Verdict"},
    "calming": {"fr": "apaisant", "en": "calming"},
    "inflaming": {"fr": "inflammatoire", "en": "inflaming"},
    "no clear effect": {"fr": "sans effet net", "en": "no clear effect"},
    "reading": {"fr": "Lecture de la stratégie", "en": "Reading of the strategy"},
    "comparison": {"fr": "Comparaison des équipes", "en": "Team comparison"},
    "strategy": {"fr": "Stratégie", "en": "Strategy"},
    "tone": {"fr": "Ton", "en": "Tone"},
    "message": {"fr": "Message", "en": "Message"},
    "none": {"fr": "Aucun message de l'équipe.", "en": "The team sent no message."},
    "crisis_type": {"fr": "Type de crise", "en": "Crisis type"},
    "engine_reading": {"fr": "lecture d'Uproar", "en": "Uproar's reading"},
    "trainer_reading": {"fr": "correction du formateur", "en": "trainer's correction"},
    "uncertain": {"fr": "incertain", "en": "uncertain"},
    "or": {"fr": "ou", "en": "or"},
    "confidence": {"fr": "confiance", "en": "confidence"},
    "heard_as": {"fr": "entendu", "en": "heard as"},  # Coombs's postures (`taxonomy.POSTURES`)
    "base_responses": {"fr": "réponses de base", "en": "base responses"},
    "instructing": {"fr": "consignes", "en": "instructing"},
    "adjusting": {"fr": "soutien", "en": "adjusting"},
    "promises": {"fr": "Promesses", "en": "Promises"},
    "claims": {"fr": "Rumeurs et informations en circulation", "en": "Rumours and claims going round"},
    "claim": {"fr": "Ce qui circulait", "en": "What went round"},
    "truth": {"fr": "Vrai ?", "en": "True?"},
    "true": {"fr": "vrai", "en": "true"},
    "false": {"fr": "faux", "en": "false"},
    "from": {"fr": "Dès", "en": "From"},
    "team_answer": {"fr": "Réponse de l'équipe", "en": "The team's answer"},
    "corrected": {"fr": "démentie", "en": "corrected"},
    "owned": {"fr": "reconnue", "en": "owned"},
    "called_false": {"fr": "dite fausse alors qu'elle était vraie", "en": "called false, though true"},
    "mentioned": {"fr": "évoquée sans être démentie ni reconnue", "en": "mentioned, neither corrected nor owned"},
    "unanswered": {"fr": "sans réponse", "en": "unanswered"},
    "not_out": {"fr": "n'a pas circulé", "en": "did not go round"},
    "kept": {"fr": "tenue", "en": "kept"},
    "broken": {"fr": "non tenue", "en": "broken"},
    "pending": {"fr": "en attente", "en": "pending"},
}

_REASONS_FR = [
    (r"^(\w+) fits a (\w+) crisis well$", r"« \1 » convient bien à une crise \2"),
    (r"^(\w+) fits a (\w+) crisis fairly$", r"« \1 » convient assez à une crise \2"),
    (r"^(\w+) fits a (\w+) crisis poorly$", r"« \1 » convient mal à une crise \2"),
    (r"^(\w+) fits a (\w+) crisis badly$", r"« \1 » ne convient pas à une crise \2"),
    (r"^denying a false rumour fits$", "démentir une rumeur fausse est approprié"),
    (r"^humour backfires in a crisis with victims$", "l'humour se retourne contre l'organisation quand il y a des victimes"),
    (r"^empathy helps where responsibility is high$", "l'empathie aide quand la responsabilité est forte"),
    (r"^a defensive tone irritates$", "un ton défensif irrite"),
    (r"^contradicts the earlier message \((\w+) then (\w+)\)$", r"contredit le message précédent (\1 puis \2)"),
    (r"^denies what the facts have established$", "nie ce que les faits ont établi"),
    (r"^calls a true claim false$", "qualifie de fausse une information vraie"),
    (r"^first word after (\d+) minutes of silence$", r"première prise de parole après \1 minutes de silence"),
    (r"^spoke before the media \(stealing thunder\)$", "a parlé avant les médias (« stealing thunder »)"),
    (r"^a holding statement in the first hour is good practice$", "une déclaration d'attente dans la première heure est une bonne pratique"),
    (r"^a holding statement long after the crisis broke reads as half a refusal$", "une déclaration d'attente longtemps après le début de la crise sonne comme un demi-refus"),
    (r"^acknowledges the incident, says nothing yet$", "reconnaît l'incident sans rien dire de plus"),
    (r"^diminishing a preventable crisis reads as evasion$", "minimiser une crise évitable sonne comme une dérobade"),
    (r"^mixes in (\w+) \(helps\)$", r"y ajoute « \1 » (ce qui aide)"),
    (r"^mixes in (\w+) \(costs\)$", r"y ajoute « \1 » (ce qui coûte)"),
    (r"^reads as (\w+) or (\w+): the crowd takes it both ways \((\d+)% as \w+\)$",
     r"se lit « \1 » ou « \2 » : le public le prend dans les deux sens (à \3 % comme « \2 »)"),
    (r"^says what to do to stay safe \(instructing information\)$", "dit quoi faire pour se protéger (consignes)"),
    (r"^no safety instructions in a crisis with a safety risk$", "aucune consigne de sécurité alors que la crise présente un risque"),
    (r"^shows concern for those affected \(adjusting information\)$", "montre de la sollicitude envers les personnes touchées"),
    (r"^keeps an earlier promise$", "tient une promesse antérieure"),
    (r"^keeps (\d+) earlier promises$", r"tient \1 promesses antérieures"),
]
_CRISIS_FR = {"preventable": "évitable", "accidental": "accidentelle", "victim": "dont l'organisation est victime"}


def w(key: str, lang: str) -> str:
    entry = WORDS.get(key, {})
    return entry.get(lang) or entry.get("en") or key


def reason(text: str, lang: str) -> str:
    """An SCCT reason from the engine, in the report's language."""
    if lang != "fr":
        return text
    for pattern, repl in _REASONS_FR:
        if re.match(pattern, text):
            out = re.sub(pattern, repl, text)
            for en, fr in _CRISIS_FR.items():
                out = out.replace(f"crise {en}", f"crise {fr}")
            return out
    return text
