"""Subcommands of ``wcif-desktop``: each module defines ``register(subparsers)``.

A handler receives the parsed args and returns the exit code. Set ``error_exit_code`` with
``parser.set_defaults`` when a command documents a code other than 2 for user errors.
"""
