from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dealbook.calendars.conventions import NoticeMethod
from dealbook.engine.replay.context import ReadingError
from dealbook.engine.replay.context import apply_readings
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.context import reading_key
from dealbook.engine.replay.context import reading_values
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_money import Funding
from dealbook.terms.conventions import Conventions

from .helpers import INSYNQ_CLOSING
from .helpers import deal
from .helpers import ledger


def test_readings_by_register_key_or_field_name() -> None:
    assert apply_readings(Conventions(), {"slda.base": "B"}).slda_base == "B"
    assert apply_readings(Conventions(), {"slda_base": "B"}).slda_base == "B"
    assert apply_readings(Conventions(), {"hyt.escrow_owned": "true"}).escrow_shares_owned is True
    assert apply_readings(Conventions(), {}) == Conventions()


def test_bad_readings_say_why() -> None:
    with pytest.raises(ReadingError, match=r"unknown reading 'slda\.bse'"):
        apply_readings(Conventions(), {"slda.bse": "B"})
    with pytest.raises(ReadingError, match=r"reading slda\.base: Input should be 'A' or 'B'"):
        apply_readings(Conventions(), {"slda.base": "C"})


def test_reading_keys_and_values() -> None:
    assert reading_key("slda_base") == "slda.base"
    assert reading_key("not_a_field") == "not_a_field"
    values = reading_values(Conventions())
    assert values["slda.base"] == "A"
    assert values["month_proration"] == "A"
    assert values["hyt.escrow_outstanding"] == "true"
    assert "notes" not in values


def test_context_orders_filters_and_reports_reading_sources() -> None:
    events = (
        "  - {date: 2002-10-31, type: funding, id: f-oct, fundings: [{holder: ajw-partners, principal: 15000}]}\n"
        + INSYNQ_CLOSING
        + "  - {date: 2002-11-29, type: funding, id: f-nov, fundings: [{holder: ajw-partners, principal: 15000}]}\n"
    )
    ctx = make_context(deal(), ledger(events), date(2002, 10, 31), {"slda.base": "B"})
    assert [e.event.id for e in ctx.entries] == ["closing", "f-oct"]
    assert [e.index for e in ctx.entries] == [1, 0]
    assert [f.id for f in ctx.events(Funding)] == ["f-oct"]
    assert ctx.first(Notice) is None
    sources = {key: (value, source) for key, value, source in ctx.readings}
    assert sources["slda.base"] == ("B", "chosen")
    assert sources["month_proration"] == ("A", "default")
    assert ctx.conventions.slda_base == "B"


def test_voided_events_are_dropped_with_their_correction() -> None:
    events = (
        INSYNQ_CLOSING
        + "  - {date: 2002-10-31, type: funding, id: wrong, fundings: [{holder: ajw-partners, principal: 51000}]}\n"
        + "  - {date: 2002-11-01, type: correction, voids: wrong}\n"
    )
    ctx = make_context(deal(), ledger(events), date(2002, 12, 31))
    assert [e.event.id for e in ctx.entries] == ["closing"]


def test_mail_notice_is_deemed_given_five_days_after_mailing() -> None:
    events = INSYNQ_CLOSING + (
        "  - {date: 2003-01-10, type: notice, id: n1, kind: funding_termination, "
        "from: ajw-partners, to: company, method: certified_mail}\n"
    )
    ctx = make_context(deal(), ledger(events), date(2003, 2, 1))
    notice = ctx.first(Notice)
    assert notice is not None
    result = ctx.deemed_given(notice, NoticeMethod.CERTIFIED_MAIL)
    assert result.effective_date == date(2003, 1, 15)


def test_prices_match_the_ledger_price_series_up_to_as_of() -> None:
    from dealbook.ledger.prices import price_series

    events = INSYNQ_CLOSING + (
        "  - {date: 2002-09-30, type: price, close: '0.10', low: '0.09'}\n"
        "  - {date: 2002-10-01, type: price, id: bad, close: '9.99'}\n"
        "  - {date: 2002-10-01, type: price, close: '0.11', low: '0.10'}\n"
        "  - {date: 2002-10-02, type: correction, voids: bad}\n"
        "  - {date: 2002-10-03, type: price, close: '0.12'}\n"
    )
    loaded = ledger(events)
    ctx = make_context(deal(), loaded, date(2002, 10, 2))
    assert ctx.prices == tuple(p for p in price_series(loaded) if p.date <= date(2002, 10, 2))
    assert [(p.date, p.close) for p in ctx.prices] == [
        (date(2002, 9, 30), Decimal("0.10")),
        (date(2002, 10, 1), Decimal("0.11")),
    ]
