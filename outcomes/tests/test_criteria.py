from outcomes.criteria import (
    activity_terms,
    criterion_terms,
    days_after,
    follow_up_anchor,
    follow_up_months,
)


def test_the_seeds_status_words_map_to_statuses_crimes_and_offers():
    terms = criterion_terms("positiv kontakt med jobcentret,job,uddannelse")
    assert terms.statuses == {"job_centre_contact", "job", "education"} and not terms.unknown
    assert criterion_terms("sigtelse,dom").is_recidivism
    assert criterion_terms("tilbud efter lov om en aktiv beskæftigelsesindsats").offer_kinds == {
        "active_employment"
    }


def test_an_unknown_word_is_reported_not_dropped():
    assert criterion_terms("trivsel,9. klasse gennemført").unknown == ("trivsel",)


def test_school_attendance_is_a_status_the_school_reports():
    assert criterion_terms("fremmøde").statuses == {"regular_attendance"}


def test_activity_criteria_name_kinds_of_activity_or_audiences():
    terms = activity_terms("oplæg, frontmedarbejdere")
    assert terms.kinds == {"session"} and terms.audiences == {"front_line_staff"}
    assert activity_terms("").kinds == frozenset() and not activity_terms("").unknown
    assert activity_terms("stand-up").unknown == ("stand-up",)


def test_follow_ups_count_from_the_end_only_when_the_criterion_says_so():
    assert follow_up_anchor("tilbuddets afslutning") == "end"
    assert follow_up_anchor("aktivt tilbud") == "start"
    assert follow_up_months("3, 6,12") == [3, 6, 12]
    assert [days_after(m) for m in (3, 6, 12)] == [91, 183, 365]
