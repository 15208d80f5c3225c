"""The staff JSON API: sign-in, cases, counsel, letters and the hotline, each behind a staff token."""

from ninja import Router

from confide.staff.api import (
    account,
    cases,
    counsel,
    handover,
    hotline,
    insights,
    investigation,
    letters,
    links,
    operator,
)

router = Router()
router.add_router("/", account.router)
router.add_router("/", cases.router)
router.add_router("/", links.router)
router.add_router("/", handover.router)
router.add_router("/", counsel.router, tags=["escrow"])
router.add_router("/", letters.router)
router.add_router("/", hotline.router)
router.add_router("/", insights.router)
router.add_router("/", investigation.router)
router.add_router("/", operator.router)
