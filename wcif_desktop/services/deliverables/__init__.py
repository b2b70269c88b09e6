"""Deliverables: one builder per kind turns the evaluation's data into a document model; one entry point writes it."""
