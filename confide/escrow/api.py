"""Matching escrow in the JSON API: the reporter's vault and the counselor's matches."""

from ninja import Router

from confide.escrow.api_counsel import router as counsel_router
from confide.escrow.api_vault import router as vault_router
from confide.escrow.api_vault_verify import router as verify_router

router = Router(tags=["escrow"])
router.add_router("", vault_router)
router.add_router("", verify_router)
router.add_router("", counsel_router)
