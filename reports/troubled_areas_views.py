"""Pages of the troubled-areas report: list and create, the report (figures, texts,
workflow), a district's texts, approval, sending, and the frozen report as PDF and Excel."""

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from areas.models import SurveyWave
from people.models import CityDistrict
from reports import exports
from reports.disclosure import LEGEND
from reports.models import (
    SAFETY_INDEX_COMMITTEES,
    TROUBLED_AREAS_COMMITTEES,
    Committee,
    DistrictText,
    ReportStatus,
    TroubledAreasReport,
)
from reports.safety_presentations import survey_wave_present
from reports.troubled_areas import (
    district_text_submit,
    figures_of,
    next_committee,
    report_approve,
    report_create,
    report_send,
)
from sikkerby.refusals import refusal_text, refusal_to_form
from sikkerby.spreadsheets import xlsx_bytes
from sikkerby.versioning import EditConflict


def _half_years() -> list[tuple[str, str]]:
    """The half-years a report can be made for: this one and the six years before it."""
    today = date.today()
    choices = []
    for year in range(today.year, today.year - 7, -1):
        for half in (2, 1):
            if date(year, 1 if half == 1 else 7, 1) <= today:
                choices.append((f"{year}-{half}", f"{half}. halvår {year}"))
    return choices


class ReportForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    half_year = forms.ChoiceField(label=gettext_lazy("Halvår"), choices=_half_years)

    def period(self) -> tuple[date, date]:
        year, half = (int(part) for part in self.cleaned_data["half_year"].split("-"))
        if half == 1:
            return date(year, 1, 1), date(year, 6, 30)
        return date(year, 7, 1), date(year, 12, 31)


class SendForm(forms.Form):
    committee = forms.ChoiceField(
        label=gettext_lazy("Udvalg"),
        choices=[(c.value, c.label) for c in TROUBLED_AREAS_COMMITTEES],
    )
    meeting_on = forms.DateField(
        label=gettext_lazy("Udvalgsmøde"), widget=forms.DateInput(attrs={"type": "date"})
    )


def _in_city_order(texts) -> list[DistrictText]:
    """The districts in the order the figures table and the city use, not by code."""
    return sorted(texts, key=lambda text: CityDistrict.values.index(text.district))


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def report_list(request: HttpRequest) -> HttpResponse:
    _require(request, "reports.view_troubled_areas")
    may_manage = request.user.has_perm("reports.manage_troubled_areas")
    form = ReportForm(request.POST or None) if may_manage else None
    if request.method == "POST":
        _require(request, "reports.manage_troubled_areas")
        if form is not None and form.is_valid():
            period_start, period_end = form.period()
            try:
                report = report_create(
                    by=request.user,
                    title=form.cleaned_data["title"],
                    period_start=period_start,
                    period_end=period_end,
                )
            except ValidationError as error:
                messages.error(request, refusal_text(error))
            else:
                return redirect("troubled_areas:detail", pk=report.pk)
    return render(
        request,
        "reports/troubled_areas_list.html",
        {"reports": TroubledAreasReport.objects.all(), "form": form},
    )


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "reports.view_troubled_areas")
    report = get_object_or_404(TroubledAreasReport, pk=pk)
    texts = _in_city_order(report.district_texts.all())
    return render(
        request,
        "reports/troubled_areas_detail.html",
        {
            "report": report,
            "figures": figures_of(report),
            "texts": texts,
            "may_write": report.status == ReportStatus.DRAFT
            and request.user.has_perm("reports.write_district_text"),
            "writable": {
                t.pk for t in texts if request.user.has_perm("reports.write_this_district_text", t)
            },
            "may_manage": request.user.has_perm("reports.manage_troubled_areas"),
            "sendings": report.sendings.select_related("sent_by"),
            "send_form": SendForm(initial={"committee": next_committee(report)}),
        },
    )


def _act(request: HttpRequest, report: TroubledAreasReport, act, done: str) -> HttpResponse:
    try:
        act()
    except EditConflict:
        messages.error(
            request,
            _("En anden har gemt bydelens tekster imens. Læs dem herunder — dine er ikke gemt."),
        )
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, done)
    return redirect("troubled_areas:detail", pk=report.pk)


@require_POST
def district_text(request: HttpRequest, pk: int, district: str) -> HttpResponse:
    """A district's texts, from its SSP people; a stale version is refused, never overwritten."""
    _require(request, "reports.write_district_text")
    text = get_object_or_404(DistrictText, report_id=pk, district=district)
    if not request.user.has_perm("reports.write_this_district_text", text):
        raise PermissionDenied
    version = request.POST.get("version", "")
    return _act(
        request,
        text.report,
        lambda: district_text_submit(
            by=request.user,
            text=text,
            challenges=request.POST.get("challenges", ""),
            responses=request.POST.get("responses", ""),
            expected_version=int(version) if version.isdecimal() and version.isascii() else 0,
        ),
        _("Bydelens tekster er gemt."),
    )


@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "reports.manage_troubled_areas")
    report = get_object_or_404(TroubledAreasReport, pk=pk)
    return _act(
        request,
        report,
        lambda: report_approve(by=request.user, report=report),
        _("Rapporten er godkendt; tallene er frosset."),
    )


@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "reports.manage_troubled_areas")
    report = get_object_or_404(TroubledAreasReport, pk=pk)
    form = SendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vælg et udvalg og datoen for dets møde."))
        return redirect("troubled_areas:detail", pk=report.pk)
    committee = form.cleaned_data["committee"]
    return _act(
        request,
        report,
        lambda: report_send(
            by=request.user,
            report=report,
            committee=committee,
            meeting_on=form.cleaned_data["meeting_on"],
        ),
        _("Rapporten er sendt til %(committee)s.") % {"committee": Committee(committee).label},
    )


def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    _require(request, "reports.view_troubled_areas")
    report = get_object_or_404(TroubledAreasReport, pk=pk)
    context = {
        "report": report,
        "figures": figures_of(report),
        "texts": _in_city_order(report.district_texts.all()),
    }
    if fmt == "pdf":
        content = exports.render_pdf("reports/troubled_areas_pdf.html", context)
    elif fmt == "xlsx":
        content = _xlsx(context)
    else:
        raise PermissionDenied
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="urolige-omraader-{report.pk}.{fmt}"'
    return response


def _xlsx(context: dict) -> bytes:
    report, figures = context["report"], context["figures"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tal"
    sheet.append([report.title])
    sheet.append(["Status", report.get_status_display()])
    sheet.append([])
    sheet.append(
        [
            "Bydel",
            "Sigtelser under 18 år",
            "Akutte hændelser",
            "Niveau 1",
            "Niveau 2",
            "Niveau 3",
            "Niveau 4",
            "Trygge %",
        ]
    )
    for row in [*figures["districts"], {"name": "Hele byen", **figures["city"]}] if figures else []:
        safety = row.get("safety") or {}
        sheet.append(
            [
                row["name"],
                row["charges_under_18"],
                row.get("acute_incidents"),
                *[row["cases"][level] for level in ("1", "2", "3", "4")],
                safety.get("safe"),
            ]
        )
    sheet.append([])
    sheet.append([LEGEND])
    sent = workbook.create_sheet("Udvalg")
    sent.append(["Udvalg", "Møde", "Sendt"])
    for sending in context["report"].sendings.all():
        sent.append(
            [
                sending.get_committee_display(),
                sending.meeting_on,
                timezone.localdate(sending.sent_at),
            ]
        )
    texts = workbook.create_sheet("Tekster")
    texts.append(["Bydel", "Udfordringer", "Sådan mødes de"])
    for text in context["texts"]:
        texts.append([text.get_district_display(), text.challenges, text.responses])
    return xlsx_bytes(workbook)


class PresentationForm(forms.Form):
    wave = forms.ModelChoiceField(
        label=gettext_lazy("Tryghedsundersøgelse"),
        queryset=SurveyWave.objects.select_related("area_set").order_by("-year"),
    )
    committee = forms.ChoiceField(
        label=gettext_lazy("Udvalg"), choices=[(c.value, c.label) for c in SAFETY_INDEX_COMMITTEES]
    )
    meeting_on = forms.DateField(
        label=gettext_lazy("Udvalgsmøde"), widget=forms.DateInput(attrs={"type": "date"})
    )


def safety_presentations(request: HttpRequest) -> HttpResponse:
    """The safety-survey waves and the committees they have been presented to; a wave
    presented to BIU, ØU and BR counts as the year's survey for the safety-index initiative."""
    _require(request, "reports.view_troubled_areas")
    may_manage = request.user.has_perm("reports.manage_troubled_areas")
    form = PresentationForm(request.POST or None) if may_manage else None
    if request.method == "POST":
        _require(request, "reports.manage_troubled_areas")
        if form.is_valid():
            try:
                survey_wave_present(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                refusal_to_form(form, error)
            else:
                messages.success(request, _("Forelæggelsen er registreret."))
                return redirect("troubled_areas:safety_presentations")
    waves = SurveyWave.objects.select_related("area_set").prefetch_related("presentations")
    return render(
        request,
        "reports/safety_presentations.html",
        {"waves": waves.order_by("-year"), "form": form, "committees": SAFETY_INDEX_COMMITTEES},
    )
