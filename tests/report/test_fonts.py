"""Report fonts: registration, official-vs-bundled choice and glyph coverage."""

from pathlib import Path

from wcif_desktop.render import fonts
from wcif_desktop.render.fonts import missing_glyphs, register_fonts


def test_bundled_fonts_register_and_cover_seed_text(shared_dir):
    fs = register_fonts(force_bundled=True)
    assert fs.body_path.name == "uming.ttc" and fs.heading_path.name == "DroidSansFallbackFull.ttf"
    assert not any(fs.official.values())
    text = (shared_dir / "seeds" / "000_854d81cc78b58da2.txt").read_text(encoding="utf-8")
    assert missing_glyphs(text, fs) == []
    # licences are beside the bundled fonts
    for lic in ("LICENSE-ARPHIC.txt", "LICENSE-Apache-2.0.txt"):
        assert (fs.body_path.parent / lic).is_file()


def test_missing_glyphs_lists_uncovered_chars_once():
    fs = register_fonts(force_bundled=True)
    assert missing_glyphs("工伤☃保险☃\U000f0001 \n", fs) == ["☃", "\U000f0001"]


def test_official_fonts_preferred_when_present(tmp_path, monkeypatch):
    fake = tmp_path / "Fonts"
    fake.mkdir()
    # a real TrueType file under the official name stands in for simhei.ttf
    bundled = Path(fonts.resource("fonts", "DroidSansFallbackFull.ttf"))
    (fake / "simhei.ttf").write_bytes(bundled.read_bytes())
    monkeypatch.setattr(fonts, "font_dirs", lambda: [fake])
    monkeypatch.setattr(fonts, "_cache", {})
    fs = register_fonts(force_bundled=False)
    assert fs.official["heading"] is True and fs.heading_path == fake / "simhei.ttf"
    assert fs.official["body"] is False  # no simfang.ttf there → bundled
