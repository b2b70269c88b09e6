"""Exchange between laptops: merge base (record versions), conflicts, merge log, imported history, assignments.

- ``sync_head`` / ``sync_ancestor``: for every record (table, id) the content hash of its version at the last
  export/import of this file, and every earlier version hash it descends from. Two files compare a record by
  these hashes to tell "changed on one side only" from "changed on both sides" (see services/merge.py).
- ``merge_conflict``: records changed on both sides, kept for field-by-field resolution.
- ``merge_log``: one row per merge that changed something (what came in, what conflicted).
- ``peer_history``: audit entries of imported files (their own hash chain), so a record's history shows the
  edits made on other laptops.
- ``assignment``: a record (any table) assigned to a team member; defines a member's work package when the
  record's table has no owner column of its own.
"""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def migrate(db):
    db["sync_head"].create({"table_name": str, "record_id": str, "hash": str}, pk=("table_name", "record_id"))
    db["sync_ancestor"].create({"table_name": str, "record_id": str, "hash": str},
                               pk=("table_name", "record_id", "hash"))
    db["merge_conflict"].create({
        "id": str, "merge_id": str, "at": str, "source": str, "table_name": str, "record_id": str,
        "fields": str, "mine": str, "theirs": str, "theirs_hash": str, "theirs_ancestors": str,
        "choices": str, "status": str, "resolved_at": str, "resolved_by": str,
    }, pk="id")
    db["merge_conflict"].create_index(["table_name", "record_id"])
    db["merge_log"].create({
        "id": str, "at": str, "who": str, "source": str, "source_file_id": str, "summary": str,
    }, pk="id")
    db["peer_history"].create({
        "hash": str, "origin": str, "seq": int, "at": str, "who": str, "table_name": str, "record_id": str,
        "field": str, "old": str, "new": str, "prev_hash": str,
    }, pk="hash")
    db["peer_history"].create_index(["table_name", "record_id"])
    cols = dict(COMMON)
    cols.update({"member_id": str, "table_name": str, "record_id": str})
    db["assignment"].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})
    db["assignment"].create_index(["member_id"])
