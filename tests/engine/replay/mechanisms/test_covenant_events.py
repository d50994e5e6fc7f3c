"""How covenant anchors and discharging events map onto ledger events."""

from __future__ import annotations

from datetime import date

from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import MECHANISMS
from dealbook.engine.replay.mechanisms import covenant_events as ce
from dealbook.engine.replay.mechanisms.ownership import owned_ids
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text
from dealbook.terms.obligations import Obligation


def _obligation(deal_id: str, obligation_id: str) -> Obligation:
    deal, _ = load_bundled(deal_id)
    assert deal is not None
    return next(o for o in deal.obligations.dated if o.id == obligation_id)


def test_satisfied_by_names_resolve_to_event_classes() -> None:
    item = _obligation("insynq-2002", "information-statement-filing")
    assert len(ce.satisfiers(item)) == 1
    # "InvoicePaid" names no ledger event class: nothing resolves from it.
    assert ce.satisfiers(_obligation("insynq-2002", "expense-reimbursement")) == ()


def test_tracked() -> None:
    deal, _ = load_bundled("hytech-2003")
    assert deal is not None
    text = "dealbook_ledger: 1\ndeal: hytech-2003\nevents: []"
    ledger, _ = load_ledger_text(text, "t.ledger.yaml", deal)
    assert ledger is not None
    ctx = make_context(deal, ledger, date(2003, 9, 1))
    # Owned by a dedicated mechanism: registration, escrow, funding (the Closing).
    assert not ce.tracked(ctx, _obligation("hytech-2003", "file-registration-statement"))
    assert not ce.tracked(ctx, _obligation("hytech-2003", "escrow-topup"))
    assert not ce.tracked(ctx, _obligation("hytech-2003", "hold-closing"))
    # No-event duties are not judged.
    assert not ce.tracked(ctx, _obligation("hytech-2003", "wire-instructions"))
    # Options (consequence none) are not judged.
    assert not ce.tracked(ctx, _obligation("hytech-2003", "cap-revocation"))
    insynq, _ = load_bundled("insynq-2002")
    assert insynq is not None
    text = "dealbook_ledger: 1\ndeal: insynq-2002\nevents: []"
    ledger, _ = load_ledger_text(text, "t.ledger.yaml", insynq)
    assert ledger is not None
    ctx = make_context(insynq, ledger, date(2002, 10, 1))
    assert ce.tracked(ctx, _obligation("insynq-2002", "closing-press-release"))
    assert ce.tracked(ctx, _obligation("insynq-2002", "information-statement-comments"))
    # The same clause's RRA twin is the registration mechanism's.
    assert not ce.tracked(ctx, _obligation("insynq-2002", "sec-comment-response"))


def test_breach_notice_direction_and_keys() -> None:
    deal, _ = load_bundled("hytech-2003")
    assert deal is not None
    text = """dealbook_ledger: 1
deal: hytech-2003
events:
  - {date: 2003-05-05, type: notice, kind: breach, from: hem, to: company, method: fax}
  - {date: 2003-05-05, type: notice, kind: breach, from: company, to: hem, method: fax}
"""
    ledger, problems = load_ledger_text(text, "t.ledger.yaml", deal)
    assert ledger is not None, [p.format() for p in problems]
    ctx = make_context(deal, ledger, date(2003, 6, 1))
    company = ce.anchors_of(ctx, _obligation("hytech-2003", "company-cure"))
    purchaser = ce.anchors_of(ctx, _obligation("hytech-2003", "purchaser-cure"))
    assert [(o.day, o.key) for o in company] == [(date(2003, 5, 5), "2003-05-05-1")]
    assert [(o.day, o.key) for o in purchaser] == [(date(2003, 5, 5), "2003-05-05-1")]
    assert company[0].event is not purchaser[0].event


def test_closing_anchor_falls_back_to_schedule() -> None:
    deal, _ = load_bundled("amnis-2003")
    assert deal is not None
    ledger, _ = load_ledger_text(
        "dealbook_ledger: 1\ndeal: amnis-2003\nevents: []", "t.ledger.yaml", deal
    )
    assert ledger is not None
    ctx = make_context(deal, ledger, date(2003, 5, 20))
    [occurrence] = ce.anchors_of(ctx, _obligation("amnis-2003", "press-release-4c"))
    assert (occurrence.day, occurrence.label) == (date(2003, 5, 9), "scheduled Closing")
    done, _ = ce.discharge(
        ctx, _obligation("amnis-2003", "press-release-4c"), occurrence, date(2003, 5, 13)
    )
    assert done is None


def test_owners_name_mechanisms_and_obligations_of_the_bundled_deals() -> None:
    names = {name for name, _ in MECHANISMS}
    known: set[str] = set()
    for deal_id in ("insynq-2002", "amnis-2003", "hytech-2003"):
        deal, _ = load_bundled(deal_id)
        assert deal is not None
        known |= {o.id for o in deal.obligations.dated}
    seen: set[str] = set()
    for name, owned in ce.OWNERS.items():
        assert name in names and name != "covenants"
        ids = owned_ids(owned)
        assert ids <= known, (name, sorted(ids - known))
        assert not ids & seen, (name, sorted(ids & seen))  # one owner per obligation
        seen |= ids


def test_owner_of() -> None:
    assert ce.owner_of("sec-comment-response") == "registration"
    assert ce.owner_of("rra-final-prospectus") == "registration"
    assert ce.owner_of("escrow-topup") == "escrow"
    assert ce.owner_of("company-cure") == "defaults"
    assert ce.owner_of("notify-escrow-agent-of-termination") == "defaults"
    assert ce.owner_of("information-statement-filing") == "reserve"
    assert ce.owner_of("obtain-stockholder-approval") == "reserve"
    assert ce.owner_of("opinion-acceptance") == "slda"
    assert ce.owner_of("short-sale-cover") == "short_sale"
    assert ce.owner_of("participation-election") == "offerings"
    assert ce.owner_of("closing-press-release") is None
    assert ce.owner_of("effectiveness-fax") is None
