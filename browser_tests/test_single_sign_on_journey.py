"""A caseworker logs in by the municipality's single sign-on (a real OpenID Connect provider,
django-oidc-provider, on loopback) and lands with the department and roles mapped to her
group; the administrator sees her creation in the audit trail."""

from playwright.sync_api import expect

from accounts.models import SingleSignOnGroup, Unit, User
from accounts.roles import Role
from browser_tests.conftest import assert_accessible, log_in


def test_a_caseworker_logs_in_by_single_sign_on_and_lands_with_her_roles(
    live_server, page, oidc_provider, administrator
):
    oidc_provider(f"{live_server.url}/oidc/callback/")
    unit = Unit.objects.get(name="Jobcenter København – Unge / Krimiteamet")
    SingleSignOnGroup.objects.create(
        claim_value="SSP-Nørrebro", department=unit.department, unit=unit, roles=[Role.CASEWORKER]
    )
    page.goto(f"{live_server.url}/konto/log-ind/")
    assert_accessible(page, "99-login-with-single-sign-on")
    page.get_by_role("link", name="Log ind med kommunens fælles login").click()
    expect(page.get_by_role("heading", name="Kommunens fælles login (test)")).to_be_visible()
    page.get_by_label("Brugernavn").fill("kk.sagsbehandler")
    page.get_by_label("Adgangskode").fill("udbyder-kode-2026")
    page.get_by_role("button", name="Log ind hos udbyderen").click()
    page.wait_for_url(f"{live_server.url}/**")
    expect(page.locator(".portal-user")).to_contain_text("Kamilla Kommune · BIF")
    page.goto(f"{live_server.url}/mit-arbejde/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mit arbejde")
    assert_accessible(page, "99-my-work-after-single-sign-on")
    user = User.objects.get(oidc_subject__isnull=False)
    assert user.roles == {Role.CASEWORKER}

    page.get_by_role("button", name="Log ud").click()
    log_in(page, live_server, "administrator", administrator=True)
    page.goto(f"{live_server.url}/revision/?action=single_sign_on")
    expect(page.get_by_role("table")).to_contain_text("user.create_from_single_sign_on")
