"""Every write of matching escrow (crypto.md §3–4), keyword-only, named `<entity>_<action>`:

- vaults: a vault, its verified account
- records: "for myself, for now"
- entries: sealed escrow entries (create, edit, withdraw, mark reported)
- threads: the anonymous thread's messages
- counsel: opening a match (decrypts and audits), writing to a reporter of it
- team: the counselor team key
- matching: the matching job and its notifications
- conversion: a record or an entry sent as a report
- keyholder: the OPRF key holder (evaluations count against a daily allowance)
"""
