"""The app works under its own Content-Security-Policy (the other browser tests bypass it to
inject axe-core): HTMX filtering runs, and the browser reports no CSP violation."""

from playwright.sync_api import expect

from browser_tests.conftest import log_in


def test_htmx_filtering_works_under_the_real_csp(live_server, browser, bif_owner):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and violations.append(message.text)
        ),
    )
    log_in(page, live_server, "bif_owner")
    page.get_by_label("Forvaltning").select_option("SOF")
    expect(page.locator("#results")).to_contain_text("Den Korte Snor")
    expect(page.locator("#results")).not_to_contain_text("KK's Exit-program")
    assert violations == []
    context.close()
