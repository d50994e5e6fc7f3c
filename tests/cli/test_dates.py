"""``dealbook dates``: the issue's examples, JSON twins, usage errors exit 2."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dealbook.cli.main import build_app

APP = build_app()
RUNNER = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(APP, ["dates", *args])
    return result.exit_code, result.stdout, result.stderr


def run_json(*args: str) -> dict[str, object]:
    code, out, _ = run(*args, "--format", "json")
    assert code == 0, out
    payload: dict[str, object] = json.loads(out)
    return payload


def test_add_calendar_days() -> None:
    code, out, _ = run("add", "2003-08-29", "10", "days")
    assert code == 0
    assert out.splitlines()[:4] == [
        "2003-09-08 (Monday)",
        "  2003-08-29 (Fri) + 10 days",
        "  convention: calendar days: start is day 0, every day counts (no calendar)",
        "  roll: none",
    ]


def test_add_business_days() -> None:
    code, out, _ = run("add", "2003-08-28", "5", "business-days", "--calendar", "ny-banking")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2003-09-05 (Friday)"
    assert (
        lines[2]
        == "  convention: business days of ny-banking: the N-th business day strictly after start"
    )
    assert lines[4].startswith("  calendar source: python-holidays 0.109, FederalReserve (XFED)")


def test_add_json_and_roll() -> None:
    payload = run_json("add", "2003-09-08", "90", "days", "--roll", "following")
    assert payload["result"] == "2003-12-08"
    assert payload["roll"] == "following"
    assert payload["calendar"] == "ny-banking"
    trading = run_json("add", "2001-09-07", "2", "trading-days")
    assert trading["result"] == "2001-09-17"
    assert trading["calendar"] == "nyse"
    plain = run_json("add", "2003-08-29", "10", "days")
    assert plain["calendar"] is None


def test_add_weekdays_calendar_and_legal_holiday_reading() -> None:
    assert (
        run_json("add", "2002-12-31", "5", "BD", "--calendar", "weekdays")["result"] == "2003-01-07"
    )
    legal = run_json("add", "1999-12-23", "1", "business-days", "--saturday-rule", "legal-holiday")
    assert legal["result"] == "1999-12-27"
    assert legal["calendar"] == "ny-banking (legal-holiday reading of Saturday holidays)"


def test_count_trading_days() -> None:
    code, out, _ = run("count", "2003-12-07", "2004-02-20", "trading-days")
    assert code == 0
    assert out.splitlines()[:3] == [
        "51 trading-days",
        "  interval: (2003-12-07, 2004-02-20]",
        "  calendar: nyse",
    ]


@pytest.mark.parametrize(
    ("flags", "expected", "interval"),
    [
        ((), 75, "(2003-12-07, 2004-02-20]"),
        (("--include-start",), 76, "[2003-12-07, 2004-02-20]"),
        (("--exclude-end",), 74, "(2003-12-07, 2004-02-20)"),
        (("--include-start", "--exclude-end"), 75, "[2003-12-07, 2004-02-20)"),
    ],
)
def test_count_calendar_days(flags: tuple[str, ...], expected: int, interval: str) -> None:
    payload = run_json("count", "2003-12-07", "2004-02-20", "days", *flags)
    assert payload["count"] == expected
    assert payload["interval"] == interval
    assert payload["calendar"] is None


def test_count_calendar_days_edges() -> None:
    assert run_json("count", "2004-02-20", "2003-12-07", "days")["count"] == -75
    assert run_json("count", "2003-12-07", "2003-12-07", "days")["count"] == 0
    both = run_json("count", "2003-12-07", "2003-12-07", "days", "--include-start")
    assert both["count"] == 1


def test_count_business_days_json() -> None:
    payload = run_json("count", "2003-08-28", "2003-09-05", "business-days")
    assert payload["count"] == 5
    assert payload["calendar"] == "ny-banking"


def test_months_prints_exact_fraction_and_decimal() -> None:
    code, out, _ = run("months", "2003-12-07", "2004-02-20", "--proration", "A")
    assert code == 0
    assert out.splitlines() == [
        "period: 2003-12-08 through 2004-02-20 (75 days)",
        "A: 71/29 months = 2.4482758620689655172413793103448275862068965517241",
        "  A (calendar-month stepping): 2 whole months 2003-12-07..2004-02-07",
        "    + 13 days / 29 days in 2004-02-07..2004-03-07 = 2 + 13/29 = 71/29",
    ]


def test_months_all_methods_json() -> None:
    payload = run_json("months", "2003-12-07", "2004-01-07")
    results = payload["results"]
    assert isinstance(results, list)
    assert [(r["method"], r["months"], r["decimal"]) for r in results] == [
        ("A", "1", "1"),
        ("B", "31/30", "1.0" + "3" * 48),
        ("C", "1", "1"),
        ("D", "372/365", "1.0191780821917808219178082191780821917808219178082"),
    ]
    assert payload["days"] == 31


def test_notice_with_rule() -> None:
    code, out, _ = run(
        "notice", "--method", "fax", "--sent", "2003-05-02 18:30", "--rule", "hytech"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "effective 2003-05-05"
    assert "first Business Day after (ny-banking)" in lines[1]
    assert lines[2] == "  rule: built-in hytech (hyt:7.3)"


def test_notice_g30_json() -> None:
    payload = run_json(
        "notice", "--method", "regular-mail", "--sent", "2003-01-10", "--rule", "insynq-amnis"
    )
    assert payload["effective_date"] == "2003-01-15"
    assert payload["status"] == "effective"
    fax = run_json(
        "notice", "--method", "fax", "--sent", "2003-08-29T18:30:00-04:00", "--rule", "hytech"
    )
    assert fax["effective"] == "2003-09-02T09:00:00-04:00"
    received = run_json(
        "notice",
        "--method",
        "courier",
        "--sent",
        "2003-01-10 09:00",
        "--received",
        "2003-01-13 14:00",
        "--rule",
        "insynq-amnis",
    )
    assert received["effective"] == "2003-01-13T14:00:00-05:00"


def test_notice_not_permitted_exits_1() -> None:
    code, out, _ = run("notice", "--method", "email", "--sent", "2003-01-10", "--rule", "hytech")
    assert code == 1
    assert out.splitlines()[0] == "not-permitted"
    assert "email is not a permitted notice method under hytech" in out


def test_notice_with_deal() -> None:
    """The issue's example, through the bundled Hy-Tech deal file's notice clause."""
    code, out, err = run(
        "notice", "--method", "fax", "--sent", "2003-05-02 18:30", "--deal", "hytech-2003"
    )
    assert code == 0, out + err
    assert out.splitlines()[0] == "effective 2003-05-05"
    assert out.splitlines()[-1] == "  rule: deal hytech-2003 notice clause"


def test_is_day() -> None:
    code, out, _ = run("is", "2003-09-01")
    assert code == 0
    assert out.splitlines()[:2] == [
        "2003-09-01 (Monday) is not a business day of ny-banking: Labor Day",
        "  previous business day: 2003-08-29; next business day: 2003-09-02",
    ]
    payload = run_json("is", "2012-10-29", "--calendar", "nyse")
    assert payload["is_day"] is False
    assert payload["reason"] == "Hurricane Sandy"
    assert run_json("is", "2003-09-02")["is_day"] is True
    code, out, _ = run("is", "2003-09-02", "--calendar", "weekdays")
    assert out.splitlines()[0] == "2003-09-02 (Tuesday) is a weekday of weekdays"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "2003-13-01", "1", "days"), "start: '2003-13-01' is not an ISO date"),
        (("add", "2003-08-29", "10", "weeks"), "not a duration: '10 weeks'"),
        (("add", "2040-12-30", "5", "business-days"), "run past its coverage"),
        (("add", "1989-12-30", "5", "business-days"), "outside the ny-banking calendar's coverage"),
        (("count", "2003-01-01", "1/1/2004", "days"), "end: '1/1/2004' is not an ISO date"),
        (("count", "2003-01-01", "2004-01-01", "months"), "for months use `dealbook dates months`"),
        (("count", "2003-01-01", "2004-01-01", "fortnights"), "not a duration"),
        (("count", "2003-01-01", "2050-01-01", "trading-days"), "outside the nyse"),
        (("months", "2004-01-01", "2003-01-01"), "the period runs backwards"),
        (
            ("notice", "--method", "pigeon", "--sent", "2003-01-10", "--rule", "hytech"),
            "unknown notice method",
        ),
        (
            ("notice", "--method", "fax", "--sent", "yesterday", "--rule", "hytech"),
            "--sent: 'yesterday'",
        ),
        (("notice", "--method", "fax", "--sent", "2003-01-10"), "give --deal DEAL_ID"),
        (
            ("notice", "--method", "fax", "--sent", "2003-01-10", "--rule", "nyse"),
            "unknown rule 'nyse'",
        ),
        (
            (
                "notice",
                "--method",
                "fax",
                "--sent",
                "2003-01-10",
                "--rule",
                "hytech",
                "--deal",
                "x",
            ),
            "not both",
        ),
        (("is", "2050-01-01"), "outside the ny-banking"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in out + err


def test_unknown_deal_exits_1_with_diagnostics() -> None:
    code, out, _ = run(
        "notice", "--method", "fax", "--sent", "2003-01-10", "--deal", "no-such-deal"
    )
    assert code == 1
    assert "FILE-NOT-FOUND" in out
    assert "Traceback" not in out


def test_insynq_deal_regular_mail() -> None:
    payload = run_json(
        "notice", "--method", "regular_mail", "--sent", "2003-01-10", "--deal", "insynq-2002"
    )
    assert payload["effective_date"] == "2003-01-15"
    assert payload["rule"] == "deal insynq-2002 notice clause"


def test_bad_choice_is_a_usage_error() -> None:
    code, _, err = run("add", "2003-08-29", "1", "business-days", "--calendar", "tse")
    assert code == 2
    assert "Invalid value" in err
