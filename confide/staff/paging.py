"""The inbox's pages: numbered, without a total."""

from dataclasses import dataclass

from django.db.models import QuerySet

PAGE_SIZE = 50


@dataclass(frozen=True)
class Page:
    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def inbox_page(queryset: QuerySet, raw_number: str | None, size: int = PAGE_SIZE) -> Page:
    """A page without a total: counting every visible case is the slowest part of a large inbox, and a
    handler needs the next page, not the count (the dashboard gives the counts that matter)."""
    try:
        number = max(1, min(int(raw_number or 1), 10_000))
    except (TypeError, ValueError):
        number = 1
    rows = list(queryset[(number - 1) * size : number * size + 1])
    return Page(object_list=rows[:size], number=number, has_next=len(rows) > size)
