"""Trust boundaries (issue 23) and field-by-field merging (issue 15).

- ``sync_version``: the content of a record version, by its hash (canonical JSON as hashed by
  :func:`wcif_desktop.store.db.record_hash`; binary values as their SHA-256). Kept for the versions an export or
  a merge records in ``sync_head``, so a later merge finds the content of the common ancestor and merges a record
  changed on both sides field by field (a conflict only where the same field changed on both sides). It travels
  in exports like the rest of the merge base.
"""


def migrate(db):
    db["sync_version"].create({"hash": str, "table_name": str, "content": str}, pk="hash")
