"""Trust boundaries (issue 23) and field-by-field merging (issue 15).

- ``sync_version``: the content of a record version, by its hash (canonical JSON as hashed by
  :func:`wcif_desktop.store.db.record_hash`; binary values as their SHA-256). Kept for the versions an export or
  a merge records in ``sync_head``, so a later merge finds the content of the common ancestor and merges a record
  changed on both sides field by field (a conflict only where the same field changed on both sides). It travels
  in exports like the rest of the merge base.
- ``audit_log``: columns ``old_ref`` (seq of the earlier entry of the same record and field whose new value is this
  entry's old value), ``new_delta`` (the new value as a change of the old one) and ``depth`` (deltas since the last
  full value), so an edit of a long text stores only what changed (see ``store/db.py``, ``_log``).
"""


def migrate(db):
    db["sync_version"].create({"hash": str, "table_name": str, "content": str}, pk="hash", if_not_exists=True)
    have = set(db["audit_log"].columns_dict)
    for name, kind in (("old_ref", int), ("new_delta", str), ("depth", int)):
        if name not in have:
            db["audit_log"].add_column(name, kind)
    db["audit_log"].create_index(["table_name", "record_id", "field"], index_name="idx_audit_log_field",
                                 if_not_exists=True)
