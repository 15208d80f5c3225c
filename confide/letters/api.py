"""The letters API: participants (receipt or invitation) and staff (third party and recipients)."""

from ninja import Router

from confide.letters.api_public import router as public_router
from confide.letters.api_staff import router as staff_router

router = Router()
router.add_router("/", public_router)
router.add_router("/", staff_router)
