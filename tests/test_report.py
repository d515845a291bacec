"""The debrief a trainer hands out: right events at the right times, measured impacts, a PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from uproar import CrisisModel
from uproar.app import rooms
from uproar.app.runner import RoomRunner
from uproar.cli import main
from uproar.model.export import write_export
from uproar.report.build import build_report
from uproar.report.data import ReportError
from uproar.store.engine import open_store

XSS = "<script>alert('x')</script> Nous présentons nos excuses aux habitants, l'unité est arrêtée."
APOLOGY = {"type": "message", "t_min": 22, "platforms": ["twitter", "facebook"], "strategy": "rebuild",
           "tone": "empathetic", "text": XSS}
# a joke about the company's record: humour backfires in a crisis with victims (and no U-turn is involved,
# so the apology's own effect is measured alone)
JOKE = {"type": "message", "t_min": 40, "platforms": ["twitter", "facebook"], "strategy": "bolster",
        "tone": "humorous", "text": "50 ans sans accident… enfin presque 😅 On reste les meilleurs !"}
DENIAL = {"type": "message", "t_min": 40, "platforms": ["twitter", "facebook"], "strategy": "deny",
          "tone": "defensive", "text": "Chimex n'y est pour rien, ces accusations sont mensongères."}
NOTE = {"type": "note", "t_min": 30, "text": "L'équipe hésite sur le ton à adopter"}


@pytest.fixture(scope="module")
def scripted(tmp_path_factory):
    """A scripted run of the French scenario, exported."""
    model = CrisisModel("fr-usine-chimique", rng=4, population=3000)
    for item in (APOLOGY, NOTE, JOKE):
        model.submit(item)
    model.run_for(90)
    folder = tmp_path_factory.mktemp("scripted")
    write_export(model, folder)
    return folder, model


def test_main_courante_lists_injects_and_messages_in_order(scripted, tmp_path):
    folder, model = scripted
    path, report = build_report(folder, fmt="html", impact=False, out=tmp_path / "r.html")
    courante = report.courante
    assert courante["t_min"].is_monotonic_increasing
    injects = courante[courante["source"] == "inject"]
    expected = [i.at for i in model.scenario.injects if i.at < 90]
    assert sorted(injects["t_min"].astype(int).tolist()) == expected
    messages = courante[courante["source"] == "message"]
    assert messages["t_min"].tolist() == [22, 40]
    assert messages.iloc[0]["detail"].startswith("rebuild/empathetic")
    assert messages.iloc[1]["detail"].startswith("bolster/humorous")
    notes = courante[courante["source"] == "note"]
    assert notes["t_min"].tolist() == [30] and "hésite" in notes.iloc[0]["event"]
    html = path.read_text(encoding="utf-8")
    for section in ("Main courante", "Chiffres clés", "Impact mesuré", "Lecture de la stratégie"):
        assert section in html
    assert "&lt;script&gt;alert" in html and "<script>alert" not in html
    assert report.key_figures["time_to_first_response"] == 22 - report.key_figures["onset"]
    assert (path.parent / "r-tables" / "main_courante.csv").exists()


def test_impact_shows_calming_and_inflaming_messages(scripted, tmp_path):
    folder, _ = scripted
    _, report = build_report(folder, fmt="md", impact=True, seeds=5, workers=2, out=tmp_path / "r.md")
    ranked = report.impact.set_index("t_min")
    assert ranked.loc[22, "anger"] < 0 and ranked.loc[22, "anger_high"] < 0
    assert ranked.loc[40, "anger"] > 0 and ranked.loc[40, "anger_low"] > 0
    assert report.impact.iloc[0]["t_min"] == 22  # most calming first
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text and "<script>" not in text


def test_pdf_renders_with_its_sections(scripted, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: `make test` installs poppler-utils (apt-get install poppler-utils)")
    folder, _ = scripted
    path, _ = build_report(folder, fmt="pdf", lang="en", impact=False, out=tmp_path / "report.pdf")
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3 and all(p.stat().st_size > 5000 for p in pages)
    artefacts = Path(__file__).parent / "artifacts"
    artefacts.mkdir(exist_ok=True)
    shutil.copy(pages[0], artefacts / "report-page-1.png")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for section in ("Crisis communication log", "Key figures", "Main courante", "Measured impact of each message",
                    "Reading of the strategy", "Journalists' questions"):
        assert section in text, section
    assert "<script>alert" in text  # shown as text in the PDF


def test_report_from_a_room_compares_teams(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'u.db'}"
    engine = open_store(url)
    teams = []
    for name, first in (("Équipe A", APOLOGY), ("Équipe B", DENIAL)):
        created = rooms.create_room(engine, "fr-usine-chimique", seed=9, population=2000, minutes=60, name=name)
        rooms.submit(engine, created.room_id, {**first, "t_min": 20})
        RoomRunner(engine, created.room_id, speed=0).run()
        teams.append(created.room_id)
    out = tmp_path / "a.html"
    code = main(["report", teams[0], "--db", url, "--format", "html", "--no-impact", "--out", str(out)])
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert "Comparaison des équipes" in html and "Équipe B" in html
    assert "Équipe A" in html


def test_a_bad_source_gets_a_clear_error(tmp_path, capsys):
    code = main(["report", str(tmp_path), "--no-impact"])
    err = capsys.readouterr().err
    assert code == 2 and "missing" in err and "Traceback" not in err
    with pytest.raises(ReportError):
        build_report(tmp_path / "nope-room", impact=False, database=f"sqlite:///{tmp_path / 'x.db'}")


def test_the_report_shows_the_engine_s_reading_and_the_trainer_s_correction(tmp_path):
    """The trainer says "Pas de commentaire." was meant as an apology: the report keeps both."""
    model = CrisisModel("fr-usine-chimique", rng=4, population=2000)
    model.submit({"type": "message", "t_min": 20, "platforms": ["twitter"], "text": "Pas de commentaire."})
    model.submit({"type": "reading", "t_min": 25, "message": 0, "strategy": "rebuild", "tone": "empathetic",
                  "note": "voulait s'excuser"})
    model.run_for(40)
    folder = tmp_path / "export"
    write_export(model, folder)
    path, report = build_report(folder, fmt="md", impact=False, out=tmp_path / "r.md", lang="fr")
    text = path.read_text(encoding="utf-8")
    assert "lecture d'Uproar: no\\_comment / factual" in text
    assert "correction du formateur (T+25): rebuild / empathetic" in text
    assert "voulait s'excuser" in text
    courante = report.courante
    assert (courante["source"] == "trainer").sum() == 1
    html_path, _ = build_report(folder, fmt="html", impact=False, out=tmp_path / "r.html", lang="en")
    html = html_path.read_text(encoding="utf-8")
    assert "Uproar&#39;s reading: no_comment / factual" in html
    assert "trainer&#39;s correction (T+25): rebuild / empathetic" in html


def test_the_report_says_how_each_message_was_heard(tmp_path):
    """Coombs's postures for the debrief: blaming the contractor, then threatening the accusers,
    are both read as denials; the report says which each was, as the crowd heard it."""
    model = CrisisModel("fr-usine-chimique", rng=4, population=2000)
    model.submit({"type": "message", "t_min": 20, "text": "La fuite provient d'une vanne entretenue par notre "
                  "sous-traitant, Valtech Maintenance. Chimex n'est pas en cause."})
    model.submit({"type": "message", "t_min": 40, "text": "Ces rumeurs sont fausses. Chimex portera plainte pour "
                  "diffamation contre leurs auteurs."})
    model.run_for(50)
    folder = tmp_path / "export"
    write_export(model, folder)
    path, _ = build_report(folder, fmt="md", impact=False, out=tmp_path / "r.md", lang="fr")
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if "lecture d'Uproar" in line]
    assert len(rows) == 2, rows
    assert "entendu: accuse un prestataire" in rows[0] and "menace" not in rows[0]
    assert "entendu: menace ses accusateurs" in rows[1]
    html_path, _ = build_report(folder, fmt="html", impact=False, out=tmp_path / "r.html", lang="en")
    assert "heard as: blames a contractor" in html_path.read_text(encoding="utf-8")


def test_the_report_says_what_became_of_each_rumour(tmp_path):
    """The card-number rumour called false, the unpatched server owned by an apology, the January
    warnings left unanswered, the cover-up story not yet out: one row each, in both formats."""
    model = CrisisModel("en-retail-breach", rng=2, population=3000)
    model.submit({"type": "message", "t_min": 35, "text": "Card numbers and PINs were not taken."})
    model.submit({"type": "message", "t_min": 90, "text": "We are truly sorry. The breach came through our own "
                  "file-transfer server, which we should have updated months ago. It is now fixed."})
    model.run_for(110)
    folder = tmp_path / "export"
    write_export(model, folder)
    path, report = build_report(folder, fmt="md", impact=False, out=tmp_path / "r.md")
    got = {c["id"]: (c["answers"], c["first_at"], c["items"]) for c in report.key_figures["claims"]}
    assert got["full-card-numbers"][0] == [{"answer": "corrected", "t_min": 35}]
    assert got["unpatched-server"][0] == [{"answer": "owned", "t_min": 90}]
    assert got["warnings-ignored"][0] == [{"answer": "unanswered", "t_min": None}] and got["warnings-ignored"][2] > 0
    assert got["knew-for-weeks"] == ([{"answer": "not_out", "t_min": None}], None, 0)
    assert got["full-card-numbers"][1] >= 25  # told from its start, not before
    text = path.read_text(encoding="utf-8")
    assert "| hackers have the full card numbers and PINs of Brightmart customers | false | T+" in text
    assert "corrected (T+35)" in text and "owned (T+90)" in text and "unanswered" in text
    table = (tmp_path / "r-tables" / "claims.csv").read_text(encoding="utf-8")
    assert "unpatched-server" in table and "owned T+90" in table
    html, _ = build_report(folder, fmt="html", impact=False, out=tmp_path / "r.html", lang="fr")
    page = html.read_text(encoding="utf-8")
    assert "Rumeurs et informations en circulation" in page and "démentie (T+35)" in page and "reconnue (T+90)" in page
