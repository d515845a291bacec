"""End to end in a real browser: Debian's Chromium driven by Playwright.

A trainer creates a room and starts it; a trainee joins in a second browser
context with the trainee code, sees the feed move, posts a message; the trainer
sees it within seconds; the trainee cannot reach the trainer page by URL; and a
message full of HTML payloads is shown as text. Screenshots of every page are
saved under tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from uproar.app.processes import stop_group

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent / "artifacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
PAYLOAD = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> Nous présentons nos excuses."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    if CHROMIUM is None:
        pytest.fail("chromium is not installed: `make test` installs it (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("browser")
    port = free_port()
    env = {**os.environ, "UPROAR_DATABASE_URL": f"sqlite:///{folder / 'uproar.db'}"}
    proc = subprocess.Popen([sys.executable, "-m", "uproar.cli", "console", "--port", str(port), "--no-demo",
                             "--host", "127.0.0.1"], env=env, cwd=folder, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(base + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("the console did not answer on /_stcore/health: " + (proc.stdout.read() if proc.stdout else ""))
    yield base
    stop_group(proc.pid)
    proc.wait(timeout=20)
    # runners started from the console outlive it by design; stop this test's
    subprocess.run(["pkill", "-f", f"UPROAR_DATABASE_URL={folder}"], check=False)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def minute_shown(page) -> int:
    """The minute the page's live part shows (its `data-clock`), or -1."""
    found = page.locator("[data-clock]")
    return int(found.first.get_attribute("data-clock")) if found.count() else -1


def test_a_trainer_and_a_trainee_run_an_exercise(console, browser):
    trainer = browser.new_context(viewport={"width": 1400, "height": 1100}).new_page()
    trainer.goto(console + "/")
    trainer.get_by_label("Nom de la salle (équipe)").fill("Équipe <b>A</b>")
    trainer.get_by_label("Comptes simulés").fill("3000")
    shot(trainer, "1-lobby")
    trainer.get_by_role("button", name="Créer").click()
    code_block = trainer.locator("[data-testid='stCode']").first
    code_block.wait_for(timeout=30_000)
    codes = code_block.inner_text()
    room_id = re.search(r"salle: (\w+)", codes).group(1)
    trainee_code = re.search(r"Code stagiaire: (\w+)", codes).group(1)
    shot(trainer, "2-room-created")
    trainer.get_by_role("button", name="Entrer →").click()
    trainer.get_by_role("button", name="Démarrer").wait_for(timeout=30_000)
    trainer.get_by_role("button", name="Démarrer").click()
    trainer.get_by_role("button", name="Pause").wait_for(timeout=30_000)

    student = browser.new_context(viewport={"width": 1400, "height": 1100}).new_page()
    dialogs: list[str] = []
    student.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    student.goto(f"{console}/?room={room_id}")
    student.get_by_label("Code d'accès").fill(trainee_code)
    student.get_by_role("button", name="Entrer").click()
    student.get_by_role("tab", name="Presse").wait_for(timeout=30_000)
    def newest() -> int:
        return int(re.search(r"T\+(\d+)", student.get_by_text(re.compile(r"^T\+\d+ ·")).first.inner_text()).group(1))

    first, later = newest(), newest()
    for _ in range(30):  # a few seconds on a quiet machine; a busy one (tests in parallel) runs the room slower
        student.wait_for_timeout(2000)
        if (later := newest()) > first:
            break
    assert later > first, "the trainee's feed does not move"
    shot(student, "3-trainee-workspace")

    student.get_by_label("Texte").fill(PAYLOAD)
    student.get_by_label("Texte").press("Control+Enter")
    student.get_by_role("button", name="Publier").click()
    student.get_by_text("Envoyé :").wait_for(timeout=10_000)
    posted_at = time.monotonic()

    trainer.get_by_text("<script>window.pwned=1</script>", exact=False).first.wait_for(timeout=10_000)
    seen_after = time.monotonic() - posted_at
    print(f"\nthe trainer saw the trainee's message {seen_after:.2f} s after it was sent")
    # it arrived live (the next minute at ×60, then one refresh of the trainer's page; the wait above is
    # the bound); the latency target is measured by
    # `uproar bench --console` (docs/benchmarks.md), not in a timed test on a shared machine
    shot(trainer, "4-trainer-sees-message")
    assert trainer.evaluate("window.pwned") is None
    assert student.evaluate("window.pwned") is None
    assert not dialogs

    student.get_by_role("tab", name="Messages envoyés").click()
    # (shares of the message carry its text too, in the feed's hidden tab: look at what is shown)
    student.get_by_text("onerror=", exact=False).filter(visible=True).first.wait_for(timeout=10_000)
    shot(student, "5-trainee-sent")

    # the trainee edits the URL to reach the trainer page: nothing of it
    student.goto(f"{console}/?room={room_id}&view=trainer")
    student.wait_for_timeout(3000)
    assert student.get_by_role("button", name="Démarrer").count() == 0
    assert student.get_by_role("button", name="Pause").count() == 0
    assert student.get_by_text("Réactions par minute").count() == 0
    shot(student, "6-trainee-refused")

    trainer.goto(f"{console}/?room={room_id}&view=observer")
    trainer.wait_for_timeout(3000)
    shot(trainer, "7-observer-needs-code")
