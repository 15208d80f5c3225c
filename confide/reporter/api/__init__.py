"""The reporter's JSON API: reports, vaults and letters, each opened with its receipt."""

from ninja import Router

from confide.reporter.api import checkins, holders, letters, questions, report, surveys, vault, vault_verify

router = Router()
router.add_router("/", report.router)
router.add_router("/", questions.router)
router.add_router("/", holders.router)
router.add_router("/", checkins.router)
router.add_router("/", vault.router, tags=["escrow"])
router.add_router("/", vault_verify.router, tags=["escrow"])
router.add_router("/", letters.router)
router.add_router("/", surveys.router)
