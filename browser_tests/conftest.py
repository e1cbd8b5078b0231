"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser), with
axe-core (from npm) checking every page visited."""

from pathlib import Path

import pytest

from conftest import PASSWORD, current_totp

AXE_SOURCE = (
    Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
).read_text()
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser_tests" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server needs committed data, so each test empties the database when
            # it ends; the rows the migrations seed (level rules, designation rules, ...) are
            # put back before the next, so no journey depends on running first.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected as a script tag; the app's CSP (rightly) forbids that, so the
    # test browser bypasses CSP. The app itself never needs inline scripts.
    return {
        **browser_context_args,
        "bypass_csp": True,
        "locale": "da-DK",
        "viewport": {"width": 1280, "height": 900},
    }


def assert_accessible(page, name: str = "") -> None:
    """Run axe-core (WCAG 2.1 A/AA rules) on the page and fail with the violations listed."""
    page.add_script_tag(content=AXE_SOURCE)
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    violations = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]
    if name:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    assert violations == [], f"{page.url}: {violations}"


def log_in(page, live_server, username: str, *, administrator: bool = False) -> None:
    page.goto(f"{live_server.url}/konto/log-ind/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    if administrator:
        page.get_by_label("Kode fra din godkendelsesapp").fill(current_totp())
        page.get_by_role("button", name="Bekræft").click()
    page.wait_for_url(f"{live_server.url}/indsatser/**")


def log_in_as_demo_user(page, live_server, username: str) -> None:
    """Log in with one of the demo logins (accounts.demo), as `make run` prints them."""
    from accounts.demo import DEMO_PASSWORD

    page.goto(f"{live_server.url}/konto/log-ind/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log ind", exact=True).click()
    page.wait_for_load_state()


def run_the_worker_with_the_page_waiting(page) -> None:
    """Run the background worker once, in this thread, while the job page's polls are held
    in the browser. The live server shares this thread's in-memory SQLite connection, so a
    poll that reached it mid-import would interleave with the import's transaction, which a
    real worker (its own process and connection) never meets. The held polls go on
    afterwards: the page shows the outcome without a reload."""
    from urllib.parse import urlsplit

    from django.core.management import call_command

    job_page = urlsplit(page.url).path
    held = []

    def is_a_poll(url: str) -> bool:
        return urlsplit(url).path == job_page

    def hold(route) -> None:
        held.append(route)

    page.route(is_a_poll, hold)
    for _ in range(50):  # the next poll is held, so none is under way at the server
        if held:
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError(f"{job_page} did not poll within 5 s")
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    for poll in held:
        poll.continue_()
    page.unroute(is_a_poll, hold)
