from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import actions
from accounts.forms import (
    ApiTokenForm,
    LoginForm,
    NewUserForm,
    SingleSignOnGroupForm,
    TemporaryPasswordForm,
    TotpForm,
    UserForm,
)
from accounts.models import ApiToken, SingleSignOnGroup, User
from accounts.roles import ROLE_MEANINGS, Role
from accounts.single_sign_on import FAILURE_SESSION_KEY
from sikkerby.params import int_param
from sikkerby.redirects import local_path_or


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        from django.conf import settings

        return {
            **super().get_context_data(**kwargs),
            "oidc_enabled": bool(settings.OIDC_RP_CLIENT_ID),
            "sso_refused": self.request.GET.get("sso") == "afvist",
            "sso_failure": self.request.session.pop(FAILURE_SESSION_KEY, ""),
        }


def two_factor(request: HttpRequest) -> HttpResponse:
    """Verify (or, the first time, enrol) the administrator's TOTP authenticator."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device = TOTPDevice.objects.filter(
            user=request.user, confirmed=False
        ).first() or TOTPDevice.objects.create(
            user=request.user, name="Godkendelsesapp", confirmed=False
        )
    form = TotpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _throttle = device.verify_is_allowed()
        if not allowed:
            form.add_error(
                "token", _("For mange forkerte koder. Vent et øjeblik, og prøv så igen.")
            )
        elif device.verify_token(form.cleaned_data["token"]):
            if enrolling:
                actions.totp_device_confirm(by=request.user, device=device)
            otp_login(request, device)
            return redirect(local_path_or(request, request.GET.get("next"), "/"))
        form.add_error("token", _("Koden er forkert eller udløbet. Prøv den næste kode fra appen."))
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(
            scale=4, title=_("QR-kode til godkendelsesapp")
        )
        context["secret"] = b32encode(device.bin_key).decode()
    return render(request, "accounts/two_factor.html", context)


def roles(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/roles.html",
        {
            "roles": [
                (Role(value).label, ROLE_MEANINGS[value], value in request.user.roles)
                for value in Role.values
            ],
        },
    )


def api_tokens(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = actions.api_token_create(by=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "form": form,
            "new_token": new_token,
            "tokens": request.user.api_tokens.all(),
        },
    )


@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    actions.api_token_revoke(by=request.user, token=token)
    messages.success(request, _("Nøglen er tilbagekaldt."))
    return redirect("accounts:api_tokens")


def _require_user_admin(request: HttpRequest) -> None:
    if not request.user.has_perm("accounts.manage_users"):
        raise PermissionDenied


def users(request: HttpRequest) -> HttpResponse:
    _require_user_admin(request)
    from axes.models import AccessAttempt
    from django.conf import settings

    # Accounts delayed after failed logins from some address (no account is locked out).
    locked = set(
        AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT
        ).values_list("username", flat=True)
    )
    listed = (
        User.objects.select_related("department", "unit")
        .prefetch_related("role_assignments")
        .order_by("username")
    )
    return render(request, "accounts/users.html", {"users": listed, "locked": locked})


def _user_fields(form) -> dict:
    return {
        k: v for k, v in form.cleaned_data.items() if k not in ("username", "roles", "password")
    }


def user_new(request: HttpRequest) -> HttpResponse:
    _require_user_admin(request)
    form = NewUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = actions.user_create(
            by=request.user,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
            roles=form.cleaned_data["roles"],
            **_user_fields(form),
        )
        messages.success(request, _("Brugeren %(name)s er oprettet.") % {"name": user.username})
        return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form})


def single_sign_on_groups(request: HttpRequest) -> HttpResponse:
    """The mapping from the single sign-on's groups to departments, units and roles."""
    _require_user_admin(request)
    form = SingleSignOnGroupForm(request.POST or None)
    if request.method == "POST" and request.POST.get("delete"):
        group = get_object_or_404(SingleSignOnGroup, pk=int_param(request.POST["delete"]) or 0)
        actions.single_sign_on_group_delete(by=request.user, group=group)
        messages.success(request, _("Koblingen er fjernet."))
        return redirect("accounts:single_sign_on_groups")
    if request.method == "POST" and form.is_valid():
        actions.single_sign_on_group_save(by=request.user, **form.cleaned_data)
        messages.success(request, _("Koblingen er gemt. Den gælder fra brugernes næste login."))
        return redirect("accounts:single_sign_on_groups")
    return render(
        request,
        "accounts/single_sign_on_groups.html",
        {"form": form, "groups": SingleSignOnGroup.objects.select_related("department", "unit")},
    )


def password_change(request: HttpRequest) -> HttpResponse:
    """Choose a new password (the old one first); required after an administrator's reset."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.password_change(by=request.user, new_password=form.cleaned_data["new_password1"])
        update_session_auth_hash(request, request.user)
        messages.success(request, _("Din adgangskode er skiftet."))
        return redirect("/")
    return render(request, "accounts/password_change.html", {"form": form})


@require_POST
def user_password_reset(request: HttpRequest, pk: int) -> HttpResponse:
    _require_user_admin(request)
    user = get_object_or_404(User, pk=pk)
    form = TemporaryPasswordForm(request.POST)
    if form.is_valid():
        actions.user_password_reset(
            by=request.user, user=user, temporary_password=form.cleaned_data["temporary_password"]
        )
        messages.success(
            request,
            _("%(name)s har fået en midlertidig adgangskode og skal skifte den ved næste login.")
            % {"name": user.username},
        )
        return redirect("accounts:users")
    return render(
        request,
        "accounts/user_form.html",
        {"form": UserForm(instance=user), "edited": user, "reset_form": form},
    )


def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_user_admin(request)
    user = get_object_or_404(User, pk=pk)
    form = UserForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        actions.user_update(
            by=request.user,
            user=User.objects.get(pk=pk),
            roles=form.cleaned_data["roles"],
            **_user_fields(form),
        )
        messages.success(request, _("Brugeren %(name)s er gemt.") % {"name": user.username})
        return redirect("accounts:users")
    return render(
        request,
        "accounts/user_form.html",
        {"form": form, "edited": user, "reset_form": TemporaryPasswordForm()},
    )


@require_POST
def user_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    _require_user_admin(request)
    user = get_object_or_404(User, pk=pk)
    actions.user_unlock(by=request.user, user=user)
    messages.success(request, _("Spærringen af %(name)s er ophævet.") % {"name": user.username})
    return redirect("accounts:users")
