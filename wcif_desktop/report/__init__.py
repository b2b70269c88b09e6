"""Report generation (brief and full outlines), fonts, Chinese line breaking and PAdES signing. No Qt here."""
