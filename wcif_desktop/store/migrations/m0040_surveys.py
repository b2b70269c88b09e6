"""Survey tables: surveys per respondent group, questions, answer options (scale points), responses, answers,
and the remembered column/answer mapping of platform exports (see :mod:`wcif_desktop.domain.survey`)."""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def _table(db, name, columns, index=None):
    cols = dict(COMMON)
    cols.update(columns)
    db[name].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})
    if index:
        db[name].create_index(index)


def migrate(db):
    _table(db, "survey", {
        "title": str, "respondent_group": str, "satisfaction_method": str, "description": str, "sort_order": int,
    })
    _table(db, "survey_question", {
        "survey_id": str, "code": str, "text": str, "kind": str, "sort_order": int,
    }, ["survey_id"])
    _table(db, "survey_option", {
        "question_id": str, "label": str, "score": int, "satisfied": int, "correct": int, "sort_order": int,
    }, ["question_id"])
    _table(db, "survey_response", {
        "survey_id": str, "respondent_id": str, "submitted_at": str, "source": str, "source_file": str,
        "source_row": int, "fingerprint": str, "excluded": int, "exclusion_reason": str,
    }, ["survey_id"])
    _table(db, "survey_answer", {
        "response_id": str, "question_id": str, "option_id": str, "text": str,
    }, ["response_id"])
    _table(db, "survey_mapping", {
        "survey_id": str, "kind": str, "source": str, "target": str, "question_id": str, "option_id": str,
    }, ["survey_id"])
