"""Escrow reads: `reporter` (the vault), `staff` (counselors), `common`. No re-exports here, so an import of a
staff opener from the reporter door is visible to import-linter."""
