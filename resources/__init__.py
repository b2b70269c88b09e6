"""WCIF Desktop's bundled resources (fonts, frameworks, sample, templates, translations).

A package only so that :mod:`importlib.resources` finds these files the same way in the source tree, in an
installed wheel and in the PyInstaller bundle; :func:`wcif_desktop.paths.resource` is the one reader.
"""
