"""The console's pages and refusals, through Streamlit's AppTest (no browser)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from uproar.app import rooms
from uproar.app.runner import RoomRunner
from uproar.store.engine import open_store

CONSOLE = str(Path(__file__).resolve().parent.parent / "app" / "console.py")
XSS = "<script>alert('x')</script> <img src=x onerror=alert(1)> **bold** [link](http://evil)"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('console') / 'uproar.db'}"
    engine = open_store(url)
    created = rooms.create_room(engine, "fr-usine-chimique", seed=2, population=2000, minutes=60, name="Équipe <b>A</b>")
    rooms.submit(engine, created.room_id, {"type": "message", "t_min": 5, "platforms": ["twitter"], "text": XSS})
    RoomRunner(engine, created.room_id, speed=0, until=30).run()
    return url, engine, created


def app(db, monkeypatch, room: str | None = None, view: str | None = None, role: str | None = None) -> AppTest:
    url, _, created = db
    monkeypatch.setenv("UPROAR_DATABASE_URL", url)
    at = AppTest.from_file(CONSOLE, default_timeout=60)
    if room:
        at.query_params["room"] = room
    if view:
        at.query_params["view"] = view
    if role:
        at.session_state["roles"] = {room or created.room_id: role}
    return at.run()


def page_html(at: AppTest) -> str:
    """The HTML blocks the page shows (feed, clock, tables), without the console's own style and script."""
    return "\n".join(h.value for h in at.html if not h.value.startswith(("<style>", "<script>")))


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption] + [e.value for e in at.error]
    parts += [m.value for m in at.info] + [m.value for m in at.title] + [page_html(at)]
    return "\n".join(str(p) for p in parts)


def test_lobby_lists_rooms_and_creates_one(db, monkeypatch):
    at = app(db, monkeypatch)
    assert not at.exception
    assert any("Uproar" in str(x.value) for x in at.title)
    assert at.dataframe[0].value["room_id"].tolist()  # the room list
    create = next(b for b in at.button if b.label in ("Créer", "Create"))
    create.click().run()
    assert not at.exception
    code = "\n".join(c.value for c in at.code)
    assert "trainer" in code.lower() or "formateur" in code.lower()


def test_wrong_code_is_refused(db, monkeypatch):
    _, _, created = db
    at = app(db, monkeypatch, room=created.room_id)
    at.text_input(key="join-code").input("NOTTHECODE")
    next(b for b in at.button if b.label in ("Entrer", "Enter")).click().run()
    assert any("incorrect" in e.value.lower() or "wrong" in e.value.lower() for e in at.error)
    assert "roles" not in at.session_state or created.room_id not in at.session_state["roles"]


def test_trainee_code_opens_the_workspace(db, monkeypatch):
    _, _, created = db
    at = app(db, monkeypatch, room=created.room_id)
    at.text_input(key="join-code").input(created.trainee_code)
    next(b for b in at.button if b.label in ("Entrer", "Enter")).click().run()
    assert at.session_state["roles"][created.room_id] == "trainee"
    at.run()
    assert not at.exception
    assert at.query_params["view"] in ("trainee", ["trainee"])
    labels = [tab.label for tab in at.tabs]
    assert any("Presse" in x or "Press" in x for x in labels)
    assert any(b.label in ("Publier", "Post") for b in at.button)


@pytest.mark.parametrize("view", ["trainer", "observer"])
def test_a_trainee_cannot_reach_trainer_pages_by_url(db, monkeypatch, view):
    _, _, created = db
    at = app(db, monkeypatch, room=created.room_id, view=view, role="trainee")
    assert not at.exception
    assert any("formateurs" in e.value or "trainers" in e.value for e in at.error)
    assert not any(b.label in ("Démarrer", "Start", "Pause", "Déclencher maintenant", "Fire now") for b in at.button)
    assert "Valmont" not in texts(at)  # nothing of the room leaks


def test_no_code_no_room_content(db, monkeypatch):
    _, _, created = db
    at = app(db, monkeypatch, room=created.room_id, view="trainer")
    assert not at.exception
    assert any("code" in i.value.lower() for i in at.info)
    assert "data-clock" not in page_html(at)


def test_trainer_control_room(db, monkeypatch):
    _, _, created = db
    at = app(db, monkeypatch, room=created.room_id, view="trainer", role="trainer")
    assert not at.exception
    labels = {b.label for b in at.button}
    assert {"Déclencher maintenant", "Démarrer"} <= labels or {"Fire now", "Start"} <= labels
    assert 'data-clock="30"' in page_html(at) and ">T+30<" in page_html(at)
    # fire scenario inject #3 now: queued as an input for the next minute
    engine = db[1]
    before = rooms.status(engine, created.room_id)["pending_inputs"]
    next(b for b in at.button if b.label in ("Déclencher maintenant", "Fire now")).click().run()
    assert rooms.status(engine, created.room_id)["pending_inputs"] == before + 1


def test_observer_sees_charts_but_no_controls(db, monkeypatch):
    _, _, created = db
    at = app(db, monkeypatch, room=created.room_id, view="observer", role="trainer")
    assert not at.exception
    assert 'data-clock="30"' in page_html(at) and len(at.get("vega_lite_chart")) == 5
    assert not any(b.label in ("Démarrer", "Start", "Déclencher maintenant", "Fire now") for b in at.button)


def test_user_text_is_shown_as_text(db, monkeypatch):
    _, _, created = db
    at = app(db, monkeypatch, room=created.room_id, view="trainee", role="trainee")
    shown = texts(at)
    assert "&lt;script&gt;" in shown and "<script>" not in shown
    assert "onerror=" in shown and "<img" not in shown
    assert "**bold**" in shown and "<strong>" not in shown  # markdown is inert too
    assert "<b>A</b>" not in shown  # the room name is user text as well


def test_studio_loads_validates_and_previews(db, monkeypatch):
    at = app(db, monkeypatch)
    at.query_params["view"] = "studio"
    at.run()
    at.selectbox(key="studio-pick").select("en-retail-breach").run()
    assert not at.exception
    assert any("valid scenario" in s.value or "scénario valide" in s.value for s in at.success)
    # break the file in the raw editor: the studio names the problem instead of crashing
    raw = at.text_area(key="studio-raw")
    raw.input(raw.value.replace('crisis_type = "accidental"', 'crisis_type = "sudden"', 1)).run()
    assert not at.exception
    problems = " ".join(m.value for m in at.markdown).replace("\\", "")  # drop markdown escapes
    assert "crisis_type" in problems and "sudden" in problems
    raw = at.text_area(key="studio-raw")
    raw.input(raw.value.replace('crisis_type = "sudden"', 'crisis_type = "accidental"', 1)).run()
    next(b for b in at.button if b.label.startswith(("Aperçu", "Preview"))).click().run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) >= 2  # items per minute and pressure


def test_controls_and_legends_follow_the_room_and_the_page_language(db, monkeypatch):
    """Speed changed from the command line: the trainer's slider shows it; charts speak the page's language."""
    _, engine, created = db
    at = app(db, monkeypatch, room=created.room_id, view="trainer", role="trainer")
    rooms.set_speed(engine, created.room_id, 20.0, source="cli")
    time.sleep(0.2)  # the console reads a room's row at most every 0.1 s; its pages' watcher sees the change after
    at.button(key="live-tick").click().run()  # what the page's watcher does when the room's key moves
    assert at.select_slider(key="speed").value == 20
    assert "×20" in page_html(at)
    assert "colère" in legends(at) and '"anger"' not in legends(at)
    at.radio(key="lang").set_value("en").run()
    assert '"anger"' in legends(at) and "colère" not in legends(at)


def legends(at: AppTest) -> str:
    """The words of the page's chart specifications (legends, axes, tooltips)."""
    return " ".join(json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("vega_lite_chart"))


def test_a_trainer_corrects_a_reading_and_the_pages_show_both(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'uproar.db'}"
    engine = open_store(url)
    created = rooms.create_room(engine, "fr-usine-chimique", seed=2, population=1500, minutes=60)
    rooms.submit(engine, created.room_id, {"type": "message", "t_min": 3, "platforms": ["twitter"],
                                           "text": "Nous présentons nos excuses aux riverains de Valmont."})
    RoomRunner(engine, created.room_id, speed=0, until=6).run()
    at = app((url, engine, created), monkeypatch, room=created.room_id, view="trainer", role="trainer")
    assert "rebuild/" in page_html(at)
    engine_read = next(c.value for c in at.caption if "Lecture d'Uproar" in c.value or "Uproar's reading" in c.value)
    assert "nos excuses" in engine_read  # the cue that decided, beside the engine's reading
    seq = at.selectbox(key="reading-pick").value
    at.selectbox(key=f"reading-strategy-{seq}").set_value("deny")
    at.selectbox(key=f"reading-tone-{seq}").set_value("defensive")
    at.button(key=f"reading-go-{seq}").click().run()
    assert not at.exception
    RoomRunner(engine, created.room_id, speed=0, until=7).run()  # the correction applies at the next minute
    time.sleep(0.2)
    at.button(key="live-tick").click().run()
    shown = page_html(at)
    assert "deny/defensive" in shown and "Uproar : rebuild/" in shown  # the trainer's reading and Uproar's


def test_an_uncertain_draft_says_why(db, monkeypatch):
    """A draft the reader hesitates on shows "uncertain: A or B" with the words that weighed."""
    _, _, created = db
    at = app(db, monkeypatch, room=created.room_id, view="trainee", role="trainee")
    draft = "Les élèves ont été pris en charge par l'équipe éducative toute la matinée."
    at.text_area(key="c-text").input(draft).run()
    assert not at.exception
    warning = "\n".join(w.value for w in at.warning)
    assert "incertain" in warning or "uncertain" in warning
    assert "élèves" in warning and "trained model" in warning
    assert "deux sens" in warning or "both ways" in warning  # the crowd takes it both ways, and the trainee knows


def test_a_draft_counts_its_promises_in_words(db, monkeypatch):
    """"1 engagement", "2 engagements": the reading under the composer reads as French."""
    _, _, created = db
    at = app(db, monkeypatch, room=created.room_id, view="trainee", role="trainee")
    for draft, shown in (("Nous présentons nos excuses aux familles touchées. Prochain point à 18h.", "1 engagement ·"),
                         ("Nous présentons nos excuses aux familles touchées. Nous rembourserons tous les frais. "
                          "Prochain point à 18h.", "2 engagements")):
        at.text_area(key="c-text").input(draft).run()
        assert not at.exception
        reading = "\n".join([c.value for c in at.caption] + [w.value for w in at.warning])
        assert shown in reading, reading


def test_a_draft_says_what_the_crowd_will_hear_it_do(db, monkeypatch):
    """Blaming the subcontractor is a denial; the composer says the crowd will hear the blame, and
    says nothing of the kind for a plain apology."""
    _, _, created = db
    at = app(db, monkeypatch, room=created.room_id, view="trainee", role="trainee")
    for draft, heard in (("La fuite vient d'une vanne entretenue par notre sous-traitant. Chimex n'est pas en cause.",
                          "la foule entendra: accuse un prestataire"),
                         ("Nous présentons nos excuses aux familles touchées.", "la foule entendra: présente des excuses")):
        at.text_area(key="c-text").input(draft).run()
        assert not at.exception
        reading = "\n".join([c.value for c in at.caption] + [w.value for w in at.warning])
        assert heard in reading and reading.count("la foule entendra") == 1, reading


LABELLED = (  # as a French spreadsheet saves it: semicolons, a byte-order mark, labels in its own case
    "\ufeffText;Lang;Strategy;Tone\n"
    "\"Nous présentons nos excuses aux familles touchées et prendrons en charge tous les frais.\";fr;Rebuild;empathetic\n"
    "\"La justice étant saisie, nous ne ferons aucun commentaire.\";fr;No comment;factual\n"
    "\"These allegations are false: no chemical ever left our site.\";en;deny;defensive\n"
    "\"We are deeply sorry. We got this wrong and we will make it right.\";en;rebuild;empathetic\n"
    "\"We will not comment on ongoing legal proceedings.\";en;deny;factual\n"  # the team's label is wrong on purpose
)


def test_a_trainer_checks_the_reading_on_their_own_statements(db, monkeypatch):
    """Before a class, a trainer pastes a past statement and sees its reading and cues, then uploads
    the team's labelled statements: agreement, the confusion, the disagreements listed first."""
    at = app(db, monkeypatch)
    next(b for b in at.button if b.key == "open-statements").click().run()
    assert not at.exception and at.query_params["view"] == "statements"

    at.text_area(key="statements-text").input("Nous présentons nos excuses. " + XSS).run()
    assert not at.exception
    reading = at.dataframe[0].value
    assert "rebuild" in reading.iloc[0, 1] and reading.iloc[0, 2]  # the strategy, with the cues that decided it
    assert "<script>" not in texts(at)

    at.file_uploader(key="statements-file").upload("ours.csv", LABELLED.encode(), "text/csv").run()
    assert not at.exception and not at.error
    strategy = next(m for m in at.metric if m.label in ("Stratégie", "Strategy"))
    assert strategy.value == "80%"  # four of five: the fifth label is the team's mistake
    table = at.dataframe[-1].value
    assert table.iloc[0]["agrees"] == "✗" and "legal proceedings" in table.iloc[0]["text"]
    assert table.iloc[0]["reading"].startswith("no_comment") and set(table["agrees"]) == {"✓", "✗"}
    assert any(b.key == "statements-download" for b in at.get("download_button"))


@pytest.mark.parametrize("content, named", [
    (b"texte;strategie\nbonjour;deny\n", "text"),  # a header the page cannot use
    (b"text,strategy,tone\nhello,apology,calm\n", "apology"),  # labels outside the reader's classes
    ("text\nNous présentons nos excuses aux riverains.\n".encode("cp1252"), "UTF-8"),  # an Excel export in Latin-1
])
def test_a_bad_statements_file_is_named_not_a_crash(db, monkeypatch, content, named):
    at = app(db, monkeypatch, view="statements")
    at.file_uploader(key="statements-file").upload("ours.csv", content, "text/csv").run()
    assert not at.exception
    assert at.error and named in at.error[0].value.replace("\\", "")
