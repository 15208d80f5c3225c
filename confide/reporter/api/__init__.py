"""The reporter's JSON API: reports, vaults and letters, each opened with its receipt."""

from ninja import Router

from confide.reporter.api import checkins, letters, report, vault, vault_verify

router = Router()
router.add_router("/", report.router)
router.add_router("/", checkins.router)
router.add_router("/", vault.router, tags=["escrow"])
router.add_router("/", vault_verify.router, tags=["escrow"])
router.add_router("/", letters.router)
