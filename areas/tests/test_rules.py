"""The area rules at their boundaries: exactly 1,000 residents qualifies, exactly 40 % does
not, exactly six months in a row is still approved; and each year judged by its own rule."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from areas.rules import (
    DesignationRule,
    LettingRule,
    SectionFigures,
    consecutive_benefit_months,
    designation_test,
    letting_check,
    rule_in_force,
)

OLD = DesignationRule("indtil 2010", date(2000, 1, 1), 1200, Decimal("50"))
NEW = DesignationRule("fra 2010", date(2010, 1, 1), 1000, Decimal("40"))
LETTING = LettingRule(
    "kombineret udlejning",
    date(2000, 1, 1),
    6,
    frozenset({"kontanthjælp", "starthjælp", "introduktionsydelse"}),
    scheme_start=date(2005, 7, 1),
)


def _section(outside: int, adults: int = 100) -> list[SectionFigures]:
    return [SectionFigures("Afdeling 1", adults, outside)]


def test_exactly_1000_residents_qualifies_and_999_does_not():
    assert designation_test(1000, _section(41), NEW).qualifies
    assert not designation_test(999, _section(41), NEW).qualifies


def test_exactly_40_percent_does_not_qualify_but_just_above_does():
    assert not designation_test(5000, _section(40), NEW).qualifies
    assert designation_test(5000, _section(401, adults=1000), NEW).qualifies  # 40.1 %


def test_one_bad_section_is_enough_and_the_reasons_name_it():
    sections = [SectionFigures("Afdeling 1", 200, 60), SectionFigures("Afdeling 7", 100, 55)]
    result = designation_test(1500, sections, OLD)
    assert result.qualifies and result.highest_section.name == "Afdeling 7"
    assert result.reasons == (
        "1.500 beboere ≥ 1.200",
        "højeste boligafdeling (Afdeling 7) 55,0 % over 50,0 % uden for arbejdsmarkedet",
    )


def test_each_year_is_judged_by_the_rule_in_force_then():
    assert rule_in_force([OLD, NEW], date(2009, 12, 31)) == OLD
    assert rule_in_force([OLD, NEW], date(2010, 1, 1)) == NEW
    assert rule_in_force([NEW], date(2009, 6, 1)) is None
    # The seed's case: 1,100 residents and 45 %: not under the old rule, on the list under the new.
    assert not designation_test(1100, _section(45), OLD).qualifies
    assert designation_test(1100, _section(45), NEW).qualifies


@given(
    st.integers(0, 10_000),
    st.integers(1, 2_000),
    st.integers(0, 2_000),
    st.sampled_from([OLD, NEW]),
)
def test_designation_is_exactly_both_conditions(residents, adults, outside, rule):
    outside = min(outside, adults)
    result = designation_test(residents, _section(outside, adults), rule)
    expected = residents >= rule.min_residents and outside * 100 > rule.section_share_above * adults
    assert result.qualifies == expected


def _months(*pairs):
    return [(date(year, month, 1), benefit) for year, month, benefit in pairs]


def test_exactly_six_months_in_a_row_is_approved_and_seven_rejected():
    six = _months(*[(2026, m, "kontanthjælp") for m in range(1, 7)])
    assert letting_check(months_received=six, applied_on=date(2026, 7, 15), rule=LETTING).approve
    seven = _months(*[(2025, 12, "starthjælp")], *[(2026, m, "kontanthjælp") for m in range(1, 7)])
    decision = letting_check(months_received=seven, applied_on=date(2026, 7, 15), rule=LETTING)
    assert not decision.approve and decision.consecutive_months == 7
    assert decision.reason.endswith("mere end de seneste 6")


def test_a_gap_breaks_the_run_and_other_benefits_do_not_count():
    months = _months(
        *[(2025, m, "kontanthjælp") for m in range(1, 13)],  # a year on benefit …
        (2026, 1, "dagpenge"),  # … then unemployment insurance, which does not count
        *[(2026, m, "kontanthjælp") for m in range(2, 7)],
    )
    assert consecutive_benefit_months(months, date(2026, 7, 1), LETTING.benefits) == 5


def test_a_rejected_applicant_from_a_waiting_list_before_the_scheme_gets_the_replacement_duty():
    long_run = _months(*[(2026, m, "kontanthjælp") for m in range(1, 11)])
    early = letting_check(
        months_received=long_run,
        applied_on=date(2026, 11, 3),
        rule=LETTING,
        on_waiting_list_since=date(2004, 3, 1),
    )
    late = letting_check(
        months_received=long_run,
        applied_on=date(2026, 11, 3),
        rule=LETTING,
        on_waiting_list_since=date(2008, 3, 1),
    )
    assert early.replacement_dwelling_duty and not late.replacement_dwelling_duty


@given(st.sets(st.integers(0, 24)))
def test_the_run_counts_back_from_the_month_before_the_application(months_back):
    """`months_back` holds k for 'received k months before December 2026' (0 = December
    itself, which does not count)."""
    applied_on = date(2026, 12, 10)
    months = []
    for k in months_back:
        index = 2026 * 12 + 11 - k
        months.append((date(index // 12, index % 12 + 1, 1), "kontanthjælp"))
    expected = 0
    while expected + 1 in months_back:
        expected += 1
    decision = letting_check(months_received=months, applied_on=applied_on, rule=LETTING)
    assert decision.consecutive_months == expected
    assert decision.approve == (expected <= 6)
