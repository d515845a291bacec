"""The console's words in French and English (scenario language by default)."""

from __future__ import annotations

from ..model.taxonomy import POSTURES

STRINGS: dict[str, dict[str, str]] = {
    "crowd_hears": {"fr": "la foule entendra", "en": "the crowd will hear"},
    "heard_as": {"fr": "entendu", "en": "heard as"},
    "title": {"fr": "Uproar — salle de crise", "en": "Uproar — crisis room"},
    "language": {"fr": "Langue", "en": "Language"},
    "lobby": {"fr": "Accueil", "en": "Lobby"},
    "create_room": {"fr": "Créer une salle", "en": "Create a room"},
    "scenario": {"fr": "Scénario", "en": "Scenario"},
    "upload": {"fr": "…ou importer un scénario (TOML)", "en": "…or upload a scenario (TOML)"},
    "seed": {"fr": "Graine", "en": "Seed"},
    "room_name": {"fr": "Nom de la salle (équipe)", "en": "Room name (team)"},
    "population": {"fr": "Comptes simulés", "en": "Simulated accounts"},
    "create": {"fr": "Créer", "en": "Create"},
    "created": {"fr": "Salle créée. Notez les codes : ils ne seront plus affichés.",
                "en": "Room created. Write the codes down: they will not be shown again."},
    "trainer_code": {"fr": "Code formateur", "en": "Trainer code"},
    "trainee_code": {"fr": "Code stagiaire", "en": "Trainee code"},
    "rooms": {"fr": "Salles", "en": "Rooms"},
    "join": {"fr": "Rejoindre une salle", "en": "Join a room"},
    "room_id": {"fr": "Identifiant de salle", "en": "Room id"},
    "code": {"fr": "Code d'accès", "en": "Access code"},
    "enter": {"fr": "Entrer", "en": "Enter"},
    "bad_code": {"fr": "Code incorrect pour cette salle.", "en": "Wrong code for this room."},
    "no_room": {"fr": "Salle introuvable.", "en": "No such room."},
    "forbidden": {"fr": "Cette page est réservée aux formateurs. Votre code ouvre l'espace stagiaire.",
                  "en": "This page is for trainers. Your code opens the trainee workspace."},
    "need_code": {"fr": "Entrez le code de cette salle pour continuer.", "en": "Enter this room's code to continue."},
    "trainer": {"fr": "Formateur", "en": "Trainer"},
    "trainee": {"fr": "Stagiaire", "en": "Trainee"},
    "observer": {"fr": "Observateur", "en": "Observer"},
    "clock": {"fr": "Horloge", "en": "Clock"},
    "start": {"fr": "Démarrer", "en": "Start"},
    "pause": {"fr": "Pause", "en": "Pause"},
    "resume": {"fr": "Reprendre", "en": "Resume"},
    "speed": {"fr": "Vitesse (minutes simulées par minute)", "en": "Speed (simulated minutes per minute)"},
    "jump": {"fr": "Avancer jusqu'à la minute", "en": "Jump to minute"},
    "pressure": {"fr": "Pression", "en": "Pressure"},
    "minute": {"fr": "Minute", "en": "Minute"},
    "state": {"fr": "État", "en": "State"},
    "items": {"fr": "Réactions", "en": "Items"},
    "injects": {"fr": "Injects", "en": "Injects"},
    "fire": {"fr": "Déclencher maintenant", "en": "Fire now"},
    "custom_inject": {"fr": "Inject improvisé", "en": "Inject on the fly"},
    "text": {"fr": "Texte", "en": "Text"},
    "shock": {"fr": "Choc émotionnel", "en": "Emotion shock"},
    "reach": {"fr": "Portée", "en": "Reach"},
    "persona_post": {"fr": "Publier en tant que personnage", "en": "Post as a persona"},
    "persona": {"fr": "Personnage", "en": "Persona"},
    "publish": {"fr": "Publier", "en": "Publish"},
    "intensity": {"fr": "Intensité de la foule", "en": "Crowd intensity"},
    "apply": {"fr": "Appliquer", "en": "Apply"},
    "note": {"fr": "Note pour la main courante", "en": "Note for the main courante"},
    "add_note": {"fr": "Ajouter la note", "en": "Add note"},
    "per_minute": {"fr": "Réactions par minute, par émotion", "en": "Items per minute by emotion"},
    "group_mix": {"fr": "Émotions par groupe", "en": "Emotions per group"},
    "platforms": {"fr": "Répartition par plateforme (30 min)", "en": "Platform split (30 min)"},
    "trends": {"fr": "Tendances", "en": "Trends"},
    "influential": {"fr": "Comptes les plus influents (15 min)", "en": "Most influential accounts (15 min)"},
    "feed": {"fr": "Fil en direct", "en": "Live feed"},
    "search": {"fr": "Rechercher", "en": "Search"},
    "all": {"fr": "Tous", "en": "All"},
    "platform": {"fr": "Plateforme", "en": "Platform"},
    "group": {"fr": "Groupe", "en": "Group"},
    "emotion": {"fr": "Émotion", "en": "Emotion"},
    "hashtag": {"fr": "Hashtag", "en": "Hashtag"},
    "composer": {"fr": "Rédiger un message", "en": "Write a message"},
    "author": {"fr": "Compte", "en": "Account"},
    "post": {"fr": "Publier", "en": "Post"},
    "detected": {"fr": "Détecté", "en": "Detected"},
    "strategy": {"fr": "Stratégie", "en": "Strategy"},
    "tone": {"fr": "Ton", "en": "Tone"},
    "sent": {"fr": "Messages envoyés", "en": "Messages sent"},
    "replies": {"fr": "réponses", "en": "replies"},
    "hostile": {"fr": "hostiles", "en": "hostile"},
    "press": {"fr": "Presse", "en": "Press inbox"},
    "deadline": {"fr": "échéance", "en": "deadline"},
    "answer": {"fr": "Répondre", "en": "Answer"},
    "answered": {"fr": "répondu", "en": "answered"},
    "missed": {"fr": "délai dépassé", "en": "missed"},
    "declined": {"fr": "refus de commenter", "en": "declined to comment"},
    "open": {"fr": "en attente", "en": "open"},
    "queued": {"fr": "Envoyé : pris en compte à la prochaine minute.", "en": "Sent: it takes effect at the next minute."},
    "nothing_yet": {"fr": "Rien pour l'instant.", "en": "Nothing yet."},
    "mentions": {"fr": "Mentions et réponses", "en": "Mentions and replies"},
    "leave": {"fr": "Quitter la salle", "en": "Leave the room"},
    "report": {"fr": "Rapport", "en": "Report"},
    "runner_off": {"fr": "Horloge arrêtée", "en": "Clock stopped"},
    "finished": {"fr": "Exercice terminé", "en": "Exercise finished"},
    "db_unavailable": {"fr": "Base de données indisponible, nouvelle tentative… La page reprendra d'elle-même ; "
                             "rien de ce qui est enregistré n'est perdu.",
                       "en": "Database unavailable, retrying… The page will come back by itself; nothing stored "
                             "is lost."},
    "code_again": {"fr": "Saisissez à nouveau votre code : la console a pu redémarrer ou votre session a expiré. "
                         "Rien n'est perdu dans la salle.",
                   "en": "Please enter your code again: the console may have restarted or your session expired. "
                         "Nothing in the room is lost."},
    "runner_died": {"fr": "horloge tombée à {time}", "en": "runner died at {time}"},
    # the crowd's vocabularies, as chart legends and feed labels show them
    "approval": {"fr": "approbation", "en": "approval"},
    "fear": {"fr": "peur", "en": "fear"},
    "anger": {"fr": "colère", "en": "anger"},
    "mockery": {"fr": "moquerie", "en": "mockery"},
    "sadness": {"fr": "tristesse", "en": "sadness"},
    "journalist": {"fr": "journalistes", "en": "journalists"},
    "elected": {"fr": "élus", "en": "officials"},
    "blogger": {"fr": "blogueurs", "en": "bloggers"},
    "employee": {"fr": "salariés", "en": "employees"},
    "union": {"fr": "syndicats", "en": "unions"},
    "student": {"fr": "étudiants", "en": "students"},
    "public": {"fr": "grand public", "en": "public"},
    "organisation": {"fr": "organisation", "en": "organisation"},
    "marker_message": {"fr": "message", "en": "message"},
    "marker_inject": {"fr": "inject", "en": "inject"},
    "kind": {"fr": "Type", "en": "Kind"},
    "engagement": {"fr": "Engagement", "en": "Engagement"},
    "count_5min": {"fr": "5 min", "en": "5 min"},
    "trending": {"fr": "en tendance", "en": "trending"},
    "state_created": {"fr": "prête", "en": "ready"},
    "state_running": {"fr": "en cours", "en": "running"},
    "state_paused": {"fr": "en pause", "en": "paused"},
    "state_stopped": {"fr": "arrêtée", "en": "stopped"},
    "state_finished": {"fr": "terminée", "en": "finished"},
    "connection_lost": {"fr": "Connexion au serveur perdue — nouvelle tentative…",
                        "en": "Connection to the server lost — retrying…"},
    "connection_back": {"fr": "Connexion rétablie.", "en": "Connection restored."},
    "filters": {"fr": "filtres", "en": "filters"},
    "corrected": {"fr": "corrigé par le formateur", "en": "corrected by the trainer"},
    "readings": {"fr": "Lecture des messages", "en": "Message readings"},
    "reading_of": {"fr": "Message", "en": "Message"},
    "secondary": {"fr": "Stratégie secondaire", "en": "Secondary strategy"},
    "base_responses": {"fr": "Réponses de base", "en": "Base responses"},
    "instructing": {"fr": "consignes (instructing)", "en": "instructing"},
    "adjusting": {"fr": "soutien (adjusting)", "en": "adjusting"},
    "none": {"fr": "aucune", "en": "none"},
    "correct": {"fr": "Corriger la lecture", "en": "Correct the reading"},
    "engine_read": {"fr": "Lecture d'Uproar", "en": "Uproar's reading"},
    "commitments": {"fr": "engagements", "en": "commitments"},
    "commitment": {"fr": "engagement", "en": "commitment"},
    "no_items": {"fr": "Aucune réaction pour l'instant.", "en": "No items yet."},
    "open_statements": {"fr": "Lecture de vos déclarations (formateurs)", "en": "Your statements, read by Uproar (trainers)"},
    "statements_title": {"fr": "Vos déclarations, lues par Uproar", "en": "Your statements, read by Uproar"},
    "statements_intro": {
        "fr": "La foule réagit à la lecture qu'Uproar fait de chaque message : stratégie, ton, réponses de base, "
              "engagements. Vérifiez-la sur les déclarations passées de votre organisation avant l'exercice. "
              "Rien n'est enregistré ni montré dans une salle.",
        "en": "The crowd reacts to how Uproar reads each message: strategy, tone, base responses, promises. "
              "Check that reading on your organisation's past statements before the exercise. "
              "Nothing here is stored or shown in any room."},
    "statements_one": {"fr": "Une déclaration", "en": "One statement"},
    "statements_many": {"fr": "Plusieurs déclarations (CSV)", "en": "Several statements (CSV)"},
    "statements_format": {
        "fr": "Une déclaration par ligne, colonne `text` (obligatoire), `lang` (fr, en), et si votre équipe les a "
              "étiquetées avant de voir la lecture d'Uproar : `strategy` (deny, diminish, rebuild, bolster, "
              "no_comment), `tone` (empathetic, factual, defensive, humorous), `instructing` et `adjusting` (0 ou 1). "
              "Séparateur virgule, point-virgule ou tabulation, encodage UTF-8. Critères d'étiquetage : "
              "tests/data/corpus/README.md.",
        "en": "One statement per row: a `text` column (required), `lang` (fr, en), and, if your team labelled them "
              "before seeing Uproar's reading, `strategy` (deny, diminish, rebuild, bolster, no_comment), `tone` "
              "(empathetic, factual, defensive, humorous), `instructing` and `adjusting` (0 or 1). Comma, "
              "semicolon or tab separated, UTF-8. Labelling guidelines: tests/data/corpus/README.md."},
    "not_utf8": {"fr": "ce fichier n'est pas en UTF-8 (octet {byte}) : enregistrez-le en « CSV UTF-8 » et recommencez.",
                 "en": "this file is not UTF-8 text (byte {byte}): save it as 'CSV UTF-8' and upload it again."},
    "too_many_statements": {
        "fr": "{n} déclarations : cette page en lit {most} à la fois. Découpez le fichier, ou lancez "
              "`uproar classify --eval FICHIER`.",
        "en": "{n} statements: this page reads up to {most} at once. Split the file, or run "
              "`uproar classify --eval FILE`."},
    "reading_statements": {"fr": "Lecture des déclarations…", "en": "Reading the statements…"},
    "statements_unlabelled": {
        "fr": "Aucune ligne n'a de colonnes `strategy` et `tone` remplies : voici les lectures, sans score d'accord.",
        "en": "No row has both `strategy` and `tone` filled in: here are the readings, without an agreement score."},
    "download_readings": {"fr": "Télécharger les lectures (CSV)", "en": "Download the readings (CSV)"},
    "labelled": {"fr": "déclarations étiquetées", "en": "labelled statements"},
    "uncertain_caught": {"fr": "Erreurs signalées « incertain »", "en": "Errors flagged 'uncertain'"},
    "uncertain_help": {"fr": "« incertain » est aussi apparu sur {right} des {of} lectures justes.",
                       "en": "'uncertain' also came with {right} of the {of} right readings."},
    "confusion_caption": {"fr": "{head} : lignes = votre étiquette, colonnes = lecture d'Uproar",
                          "en": "{head}: rows = your label, columns = Uproar's reading"},
    "reading": {"fr": "Lecture", "en": "Reading"},
    "cues": {"fr": "Indices", "en": "Cues"},
    "no_deadline": {"fr": "sans échéance", "en": "no deadline"},
    "both_ways": {"fr": "le public le prendra dans les deux sens", "en": "the crowd will take it both ways"},
}


def heard_as(postures: list[str] | frozenset[str] | None, lang: str) -> str:
    """Coombs's postures a message takes in so many words, in the console's words ("" when none)."""
    return ", ".join(POSTURES[p].get(lang, POSTURES[p]["en"]) for p in sorted(postures or ()) if p in POSTURES)


def t(key: str, lang: str) -> str:
    """The word for `key` in `lang` (English when a word is missing, never an error)."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["en"]
