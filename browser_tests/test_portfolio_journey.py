"""A committee reader opens the portfolio, filters the initiatives that lapse after 2015,
sorts by money and downloads the Excel file. axe-core on every page."""

import re

from playwright.sync_api import expect

from browser_tests.conftest import assert_accessible, log_in


def test_a_reader_filters_sorts_and_exports_the_portfolio(live_server, page, committee_reader):
    log_in(page, live_server, "committee_reader")
    page.get_by_role("link", name="Portefølje").click()
    expect(page.get_by_role("heading", name="Portefølje", exact=True)).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("37 indsatser")
    assert_accessible(page, "81-portfolio")

    page.get_by_label("År", exact=True).fill("2014")
    page.get_by_label("Bortfalder efter år").fill("2015")
    page.get_by_role("button", name="Vis").click()
    page.get_by_role("link", name="Penge 2014 (mio. kr.)").click()
    expect(page).to_have_url(re.compile(r"sorter=penge"))
    assert_accessible(page, "82-portfolio-lapsing-2015")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel").click()
    assert download.value.suggested_filename == "portefolje-2014.xlsx"
