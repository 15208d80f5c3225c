"""The organizations' figures (issue 12, threat model G9).

What a reader gets: for one organization and one closed period (quarters by default, months by setting, never
both), counts computed from what is already in the clear: reports per 100 staff (the roster's current size),
a category x intake-channel table with its margins, the anonymous share (Report.named, kept at submit), the
share of reporters who came back, median days to acknowledge, give feedback and close, deadlines met,
outcomes, retaliation reports (the category), letters, survey aggregates (surveys.py) and a trend.

Protection, by construction:
- No count below k (CONFIDE_INSIGHT_K, default 5, never below 3) is shown: it and enough other cells are hidden
  (suppression.py) that no hidden cell follows from totals or other cells; a share is a two-cell table under its
  total; a median needs k events. Fewer than k reports in the period: nothing at all.
- Periods are published after their last day and fixed at first reading (models.InsightSnapshot): later changes
  to a case never produce a second version of a period to subtract from the first. Periods do not overlap and
  only one kind exists per deployment, so no period is the sum of others.
- Leadership cases (Report.about_leadership) count only inside these aggregate cells, under the same
  suppression, and only for closed periods.
- No list, free text or day-level date is stored or shown (periods are labels like 2025-q2).

The sector benchmark (benchmark.py): quartiles over the organizations whose own report shows the figure, only
where at least five contribute, never naming one; each quartile is drawn with OpenDP's private quantile
(exponential mechanism, an organization as the unit of privacy) once per period and stored. OpenDP was chosen
over diffprivlib for its maintained, audited core and its quantile over fixed candidates, which needs no bounds
taken from the data; with few organizations the noise is large, which is the honest price of not exposing one.

Exports (JSON, CSV, PDF) are signed with the deployment's Ed25519 key (keyfiles.INSIGHT_SIGNING_FILE). Check one
with `python manage.py insight_verify FILE SIGNATURE_FILE`, or elsewhere with `--public-key` and the key from
`python manage.py insight_verify --print-key`.
"""
