"""The evidence card page and editing the change theory (the PDF is reports' work)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evidence.actions import change_theory_step_add, change_theory_step_remove
from evidence.forms import ChangeTheoryStepForm
from evidence.models import ChangeTheoryStep
from evidence.served import evidence_card_for
from initiatives.views import get_initiative_for_user


def evidence_page(request: HttpRequest, slug: str) -> HttpResponse:
    # Adding a step is the owner's: a POST from anyone else is refused (403).
    posted = request.method == "POST"
    initiative = get_initiative_for_user(request.user, slug, for_change=posted)
    may_edit = request.user.has_perm("initiatives.change_initiative", initiative)
    form = ChangeTheoryStepForm(request.POST or None, initiative=initiative)
    if posted and form.is_valid():
        change_theory_step_add(
            by=request.user,
            initiative=initiative,
            stage=form.cleaned_data["stage"],
            text=form.cleaned_data["text"],
            criteria=list(form.cleaned_data["criteria"]),
        )
        messages.success(request, _("Trinnet er føjet til forandringsteorien."))
        return redirect("evidence:card", slug=slug)
    return render(
        request,
        "evidence/card.html",
        {
            "card": evidence_card_for(request.user, initiative),
            "initiative": initiative,
            "form": form if may_edit else None,
            "pdf": False,
        },
    )


@require_POST
def change_theory_step_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, for_change=True)
    step = get_object_or_404(ChangeTheoryStep, pk=pk, initiative=initiative)
    change_theory_step_remove(by=request.user, step=step)
    messages.success(request, _("Trinnet er fjernet fra forandringsteorien."))
    return redirect("evidence:card", slug=slug)
