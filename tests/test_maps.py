"""Maps: rasterised and sampled at known places; SVG that parses and escapes; captions; CLI."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import msgspec
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warrantwatch.cli import main
from warrantwatch.errors import UnknownState, WarrantWatchError
from warrantwatch.geo.boundaries import load
from warrantwatch.maps import locator_map, obligation_map, states_parties_map, trip_map
from warrantwatch.maps.framing import world_frame
from warrantwatch.maps.geometry import project
from warrantwatch.maps.palette import COLOURBLIND, STORY
from warrantwatch.maps.render import Label, Scene, render
from warrantwatch.records.knowledge import bundled

SVG = "{http://www.w3.org/2000/svg}"
WIDTH = 1000


def rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])


def decode(png: bytes) -> np.ndarray:
    """PNG → (h, w, 3) RGB array, read by Pillow (a decoder independent of what drew it)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return np.asarray(image.convert("RGB")).astype(int)


def colour_at(image: np.ndarray, map_, lon: float, lat: float) -> np.ndarray:
    x, y = map_.pixel(lon, lat, image.shape[1])
    return image[round(y), round(x)]


def near(a: np.ndarray, colour: str, tolerance: int = 24) -> bool:
    return bool(np.abs(a - rgb(colour)).max() <= tolerance)


@pytest.fixture(scope="module")
def seed():
    m = locator_map("RUS", "MNG")
    return m, decode(m.png(WIDTH))


def test_seed_map_colours_the_story(seed):
    m, image = seed
    assert near(colour_at(image, m, 37.62, 55.75), STORY.home)  # Moscow: orange
    assert near(colour_at(image, m, 106.92, 47.92), STORY.host)  # Ulaanbaatar: the neutral host blue
    for lon, lat in [(34.10, 44.95), (30.52, 50.45)]:  # Simferopol and Kyiv: Ukraine, not orange
        assert not near(colour_at(image, m, lon, lat), STORY.home, 60)
        assert near(colour_at(image, m, lon, lat), STORY.land)
    assert near(colour_at(image, m, 116.40, 39.90), STORY.land)  # Beijing: neutral grey
    assert near(colour_at(image, m, 150.0, 45.0), STORY.sea)  # the Pacific


def test_seed_caption_and_alt_text(seed):
    m, _ = seed
    assert m.caption == ("A map highlighting Russia (in orange) and Mongolia (in blue), with other "
                         "states in grey.")
    assert STORY.host not in STORY.outcomes.values()  # a host without an outcome means nothing else
    assert "Crimea is shown as part of Ukraine" in m.alt
    assert m.frame.projection.name == "azimuthal"


def test_svg_is_clean_xml_with_title_desc_ids_and_classes(seed):
    m, _ = seed
    root = ET.fromstring(m.svg.encode())
    assert root.find(f"{SVG}title").text == "Russia and Mongolia"
    assert root.find(f"{SVG}desc").text == m.alt
    paths = {p.get("id"): p for p in root.iter(f"{SVG}path") if p.get("id")}
    assert "home" in paths["area-RUS"].get("class") and "host" in paths["area-MNG"].get("class")
    assert paths["area-UKR"].find(f"{SVG}title").text == "Ukraine"
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "label"]
    assert labels == ["Russia", "Mongolia"]


def test_colourblind_palette_changes_the_words():
    m = locator_map("RUS", "MNG", palette="colourblind", width=800, height=500)
    assert "Mongolia (in bluish green)" in m.caption
    image = decode(m.png())
    assert near(colour_at(image, m, 106.92, 47.92), COLOURBLIND.host)


@pytest.mark.parametrize(("home", "host", "inside", "outside"), [
    ("ISR", "HUN", [(12.5, 41.9), (35.2, 31.8), (28.98, 41.0)], [(-3.7, 40.4), (100.0, 40.0)]),
    ("SDN", "ZAF", [(31.2, 30.0), (18.4, -33.9), (3.4, 6.5)], [(2.35, 48.85), (-47.9, -15.8)]),
    ("RUS", "MNG", [(37.62, 55.75), (135.0, 48.5), (177.5, 64.7)], [(-74.0, 40.7), (78.0, 20.0)]),
])
def test_frames_show_both_states_and_their_region(home, host, inside, outside):
    m = locator_map(home, host, width=800, height=500)
    for lon, lat in inside:
        x, y = m.pixel(lon, lat)
        assert 0 <= x <= 800 and 0 <= y <= 500, (lon, lat)
    for lon, lat in outside:
        x, y = m.pixel(lon, lat)
        assert not (0 <= x <= 800 and 0 <= y <= 500), (lon, lat)


def test_extent_and_projection_override():
    m = locator_map("RUS", "MNG", extent="-25,30,60,72", projection="azimuthal", width=800, height=500)
    x, y = m.pixel(2.35, 48.85)
    assert 0 <= x <= 800 and 0 <= y <= 500
    x, _ = m.pixel(106.92, 47.92)
    assert x > 800
    world = locator_map("RUS", "MNG", projection="equal-earth", extent="-180,-58,180,84", width=800,
                        height=400)
    assert world.frame.projection.name == "equal-earth"


@pytest.fixture(scope="module")
def putin_world():
    m = obligation_map("putin", "2024-09-03")
    return m, decode(m.png(1600))


def test_obligation_map_colours_by_outcome_and_marks_home(putin_world):
    m, image = putin_world
    assert near(colour_at(image, m, 37.62, 55.75), STORY.home)  # Russia, the home state
    assert near(colour_at(image, m, 2.35, 46.5), STORY.outcomes["OBLIGED"])  # France
    assert near(colour_at(image, m, -100.0, 40.0), STORY.outcomes["NOT_OBLIGED"])  # United States
    assert near(colour_at(image, m, 31.0, 49.0), STORY.outcomes["OBLIGED_OTHER"])  # Ukraine, art. 12(3)
    # 124 states parties and 28 territories their ratifications cover (Greenland, Bermuda, Aruba, ...)
    assert "154 state party: bound to arrest (in green)" in m.caption
    assert near(colour_at(image, m, -42.0, 72.0), STORY.outcomes["OBLIGED"])  # Greenland, assessed


@pytest.mark.parametrize(("state", "lon", "lat"), [("MLT", 14.45, 35.9), ("NRU", 166.93, -0.52),
                                                   ("LIE", 9.55, 47.15), ("WSM", -172.4, -13.7)])
def test_small_island_and_microstate_parties_are_visible(putin_world, state, lon, lat):
    m, image = putin_world
    root = ET.fromstring(m.svg.encode())
    marker = next(c for c in root.iter(f"{SVG}circle") if c.get("id") == f"marker-{state}")
    x, y = float(marker.get("cx")), float(marker.get("cy"))
    px, py = m.pixel(lon, lat)
    assert abs(x - px) < 12 and abs(y - py) < 12
    assert near(image[round(y), round(x)], STORY.outcomes["OBLIGED"])


def test_obligation_map_legend_has_counts():
    m = obligation_map("netanyahu", "2025-04-03", width=800)
    root = ET.fromstring(m.svg.encode())
    legend = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "legend-text"]
    # 125 states parties and the 30 territories their ratifications cover on the day
    assert "state party: bound to arrest (155)" in legend
    # 73 states without a duty, less Israel (drawn as the home state), and 6 US territories
    assert "no duty to arrest (78)" in legend
    # Guernsey, Gibraltar, the British Indian Ocean Territory, Jersey, Niue, South Georgia: the
    # depositary record read does not say whether the ratification extends to them
    assert "cannot be determined from the records (6)" in legend
    assert "areas of no recognised state: not assessed (5)" in legend
    assert legend[0].startswith("Israel: home state")


def test_states_parties_map():
    m = states_parties_map("2024-09-03", width=800)
    assert "states parties to the Rome Statute on 3 September 2024" in m.caption
    image = decode(m.png())
    assert near(colour_at(image, m, 106.92, 47.92), STORY.party)  # Mongolia
    assert not near(colour_at(image, m, 37.62, 55.75), STORY.party, 40)  # Russia


def test_trip_map_draws_an_arc_and_states_the_outcome():
    m = trip_map("putin", "mongolia")
    assert "2024-09-02 to 2024-09-03" in m.caption
    assert "Mongolia was bound to arrest and surrender (state party)" in m.caption
    root = ET.fromstring(m.svg.encode())
    assert any(p.get("class") == "arc" for p in root.iter(f"{SVG}path"))


def test_arc_across_the_antimeridian_is_split_on_a_world_map():
    m = trip_map("putin", "Fiji", "2024-09-03", projection="equal-earth", width=1000, height=600)
    root = ET.fromstring(m.svg.encode())
    assert m.frame.projection.name == "equal-earth"
    assert all(len(p.get("d")) > 10 for p in root.iter(f"{SVG}path") if p.get("class") == "arc")


@pytest.mark.parametrize("lon0", [0.0, 180.0, -150.0, 11.0])
def test_world_maps_have_no_wrap_artefacts(lon0):
    frame = world_frame(1200, lon0=lon0)
    rings = project(load("110m"), frame)
    for ring in rings.rings:
        jumps = np.abs(np.diff(ring[:, 0]))
        assert jumps.max(initial=0) < 1200 / 3  # nothing streaks across the map
    fiji = load("110m").index["FJI"]
    assert any(a == fiji for a in rings.area)


def test_pacific_centred_map_draws_fiji_and_chukotka_whole():
    frame = world_frame(1200, lon0=180.0)
    rings = project(load("110m"), frame)
    b = load("110m")
    for code in ("FJI", "RUS"):
        xs = np.concatenate([r[:, 0] for r, a in zip(rings.rings, rings.area, strict=True)
                             if a == b.index[code]])
        assert xs.max() - xs.min() < 1200 * 0.6, code


def test_azimuthal_polar_and_antimeridian_frames():
    m = locator_map("Fiji", "New Zealand", width=800, height=500)
    root = ET.fromstring(m.svg.encode())
    assert any(p.get("id") == "area-FJI" for p in root.iter(f"{SVG}path"))
    image = decode(m.png())
    assert near(colour_at(image, m, 178.0, -17.8), STORY.home)  # Viti Levu
    west, east = m.pixel(177.0, -17.0)[0], m.pixel(-179.9, -16.8)[0]  # either side of 180°
    assert 0 < east - west < 60  # Fiji stays in one piece
    polar = locator_map("Norway", "Russia", extent="-180,60,180,90", width=600, height=600)
    ET.fromstring(polar.svg.encode())


def test_hostile_names_are_escaped(kb):
    evil = '<script>alert("x")</script> & <b>Co</b>'
    states = tuple(msgspec.structs.replace(s, name=evil) if s.iso3 == "MNG" else s for s in kb.states)
    hostile = msgspec.structs.replace(kb, states=states)
    m = locator_map("RUS", "MNG", kb=hostile, width=600, height=400)
    assert "<script>" not in m.svg and "<b>" not in m.svg
    root = ET.fromstring(m.svg.encode())
    assert evil in [t.text for t in root.iter(f"{SVG}text")]
    assert evil in root.find(f"{SVG}title").text


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda t: t.strip() and all(
    c in "\t\n\r" or 0x20 <= ord(c) < 0xD800 or 0xE000 <= ord(c) < 0xFFFE for c in t)))
def test_any_text_placed_in_svg_comes_out_as_text(text):
    frame = world_frame(300)
    scene = Scene(frame=frame, palette=STORY, fills={"MNG": "host"}, colours={"host": "#00aa00"},
                  doc_title=text, desc=text, labels=(Label("MNG", text),), legend=(("host", text),),
                  tooltips={"MNG": text}, title=text)
    root = ET.fromstring(render(scene).svg.encode())
    assert root.find(f"{SVG}title").text == text
    assert text in [t.text for t in root.iter(f"{SVG}text")]


def test_bad_input_is_a_clear_error():
    with pytest.raises(UnknownState) as err:
        locator_map("Narnia", "MNG")
    assert "did you mean" in str(err.value)
    for kwargs in [{"extent": "1,2,3"}, {"projection": "mercator"}, {"palette": "neon"}]:
        with pytest.raises(WarrantWatchError):
            locator_map("RUS", "MNG", **kwargs)

def test_home_and_host_the_same_state_is_a_map_of_that_state():
    """An arrest at home: the brief's map shows the one state."""
    m = locator_map("PHL", "Philippines")
    assert m.caption.startswith("A map highlighting the Philippines (in orange), the home state") or \
        m.caption.startswith("A map highlighting Philippines (in orange), the home state")
    root = ET.fromstring(m.svg)
    assert root.find(f"{SVG}desc").text == m.alt and "where the event took place" in m.alt
    assert 'class="area home"' in m.svg and 'class="area host"' not in m.svg


def test_cli_writes_svg_and_png(tmp_path, capsys):
    assert main(["map", "--home", "RUS", "--host", "MNG", "-o", str(tmp_path / "m.svg"), "--caption"]) == 0
    assert "A map highlighting Russia (in orange)" in capsys.readouterr().out
    ET.parse(tmp_path / "m.svg")
    assert main(["map", "--person", "putin", "--on", "2024-09-03", "--width", "400",
                 "-o", str(tmp_path / "w.png")]) == 0
    assert (tmp_path / "w.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert decode((tmp_path / "w.png").read_bytes()).shape[1] == 400


@pytest.mark.parametrize("argv", [
    ["map", "--home", "Narnia", "--host", "MNG", "-o", "x.svg"],
    ["map", "--home", "RUS", "--host", "MNG", "-o", "x.pdf"],
    ["map", "--person", "putin", "--on", "2024-13-01", "-o", "x.svg"],
    ["map", "-o", "x.svg"],
    ["map", "--states-parties", "--home", "RUS", "-o", "x.svg"],
    ["map", "--home", "RUS", "--host", "MNG", "--width", "5", "-o", "x.svg"],
])
def test_cli_bad_input_exits_2_with_one_line(argv, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_fast_rasteriser_matches_resvg(seed):
    from warrantwatch.maps.png import svg_to_png

    m, _ = seed
    skia = decode(svg_to_png(m.svg, 800, engine="skia"))
    resvg = decode(svg_to_png(m.svg, 800, engine="resvg"))
    assert skia.shape == resvg.shape
    differs = np.abs(skia - resvg).max(axis=2) > 40
    assert differs.mean() < 0.01  # anti-aliasing and glyph edges only


def test_foreign_svg_falls_back_to_resvg():
    from warrantwatch.maps.png import svg_to_png

    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
           '<ellipse cx="20" cy="10" rx="15" ry="8" fill="red"/></svg>')
    image = decode(svg_to_png(svg, 40))
    assert tuple(image[10, 20]) == (255, 0, 0)


def test_recoloured_layers_equal_drawing_afresh(monkeypatch):
    """Putin's world map measures the frame's layers; Netanyahu's, on the same frame with other
    colours, is then only recoloured, and must equal the same map drawn outline by outline."""
    from warrantwatch.maps import layers, raster

    layers.forget_layers()
    putin = obligation_map("putin", "2024-09-03", width=800)
    for _ in range(2):  # first sight draws afresh, the second measures
        putin.png()
    assert layers.cached_layers() >= 1
    painted, paint = [], layers.Layer.paint

    def counting_paint(self, *args):
        painted.append(self)
        paint(self, *args)

    monkeypatch.setattr(layers.Layer, "paint", counting_paint)
    netanyahu = obligation_map("netanyahu", "2025-04-03", width=800)
    recoloured = raster.render_rgba(netanyahu.svg, 800)
    assert painted, "the world's outlines were drawn afresh instead of recoloured"
    afresh = raster.render_rgba(netanyahu.svg, 800, layers=False)
    difference = np.abs(recoloured[:, :, :3].astype(int) - afresh[:, :, :3].astype(int)).max(axis=2)
    assert difference.max() <= 4  # Skia rounds to 8 bits at every outline, the layer once
    image = recoloured[:, :, :3].astype(int)
    assert (np.abs(image - rgb(STORY.home)).max(axis=2) <= 24).any()  # Israel, a few pixels at this width
    assert near(colour_at(image, netanyahu, -98.0, 38.5), STORY.outcomes["NOT_OBLIGED"])  # Kansas
    assert near(colour_at(image, netanyahu, 2.35, 48.86), STORY.outcomes["OBLIGED"])  # Paris
    assert not near(colour_at(image, netanyahu, 37.62, 55.75), STORY.home)  # Moscow: not home now


def test_a_small_home_state_is_circled_and_labelled_beside_its_ring():
    netanyahu = obligation_map("netanyahu", "2025-04-03", width=1600)
    root = ET.fromstring(netanyahu.svg)
    rings = {c.get("id"): c for c in root.iter(f"{SVG}circle") if c.get("class") == "ring"}
    assert set(rings) == {"ring-ISR"}
    ring = rings["ring-ISR"]
    x, y = netanyahu.pixel(35.0, 31.4)  # the middle of Israel
    assert abs(float(ring.get("cx")) - x) < 15 and abs(float(ring.get("cy")) - y) < 15
    label = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "label" and t.text == "Israel")
    assert float(label.get("x")) > float(ring.get("cx")) + float(ring.get("r"))  # not over the ring
    assert 'class="ring"' not in locator_map("RUS", "MNG").svg  # large states need no ring


def legend_read_from_png(m, image: np.ndarray) -> list[tuple[np.ndarray, str]]:
    """Each legend line of a rendered map: the colour of its swatch as drawn in the PNG, and its text."""
    root = ET.fromstring(m.svg.encode())
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "legend")
    scale = image.shape[1] / m.width
    entries, swatch = [], None
    for node in legend:
        cls = node.get("class", "")
        if node.tag == f"{SVG}rect" and cls.startswith("swatch"):
            x = (float(node.get("x")) + 8) * scale
            y = (float(node.get("y")) + 6.5) * scale
            swatch = image[round(y), round(x)]
        elif node.tag == f"{SVG}text" and cls == "legend-text":
            entries.append((swatch, node.text))
    return entries


def legend_for(entries, pixel: np.ndarray) -> list[str]:
    return [text for colour, text in entries if np.abs(colour - pixel).max() <= 6]


@pytest.mark.parametrize(("person", "home", "host", "on", "label"), [
    ("netanyahu", "ISR", "USA", "2025-04-07", "no duty to arrest"),      # NOT_OBLIGED: grey, not green
    ("netanyahu", "ISR", "HUN", "2025-04-03", "state party: bound to arrest"),
    ("putin", "RUS", "MNG", "2024-09-03", "state party: bound to arrest"),
])
def test_locator_host_is_coloured_by_its_outcome_as_its_legend_says(person, home, host, on, label):
    from warrantwatch.queries import check

    outcome = check(person, host, on).outcome.name
    m = locator_map(home, host, outcome=outcome)
    image = decode(m.png(WIDTH))
    entries = legend_read_from_png(m, image)
    inside = {"USA": (-84.0, 35.5), "HUN": (21.4, 47.8), "MNG": (95.0, 48.5)}[host]  # away from labels
    pixel = colour_at(image, m, *inside)
    assert near(pixel, STORY.outcomes[outcome], 8)
    (text,) = legend_for(entries, pixel)
    assert text.endswith(f"(host state): {label}")
    assert f"shaded {STORY.outcome_words[outcome]}, {label}" in m.alt
    assert f"(in {STORY.outcome_words[outcome]}, {label})" in m.caption


def test_world_map_legend_counts_and_colours_agree_with_the_pixels(putin_world):
    from warrantwatch.maps.palette import OUTCOME_LABELS
    from warrantwatch.queries import world

    m, image = putin_world
    entries = legend_read_from_png(m, image)
    result = world("putin", "2024-09-03")
    for lon, lat, code in [(2.35, 46.5, "FRA"), (-100.0, 40.0, "USA"), (31.0, 49.0, "UKR"), (37.62, 55.75, "RUS")]:
        texts = legend_for(entries, colour_at(image, m, lon, lat))
        assert len(texts) == 1, (code, texts)
        outcome = next(a.outcome.name for a in result.assessments if a.state == code)
        assert OUTCOME_LABELS[outcome] in texts[0]
    from warrantwatch.queries import drawn_territories

    outcome_lines = [t for _, t in entries if t.rsplit(" (", 1)[0] in OUTCOME_LABELS.values()]
    counted = sum(int(t.rsplit("(", 1)[1].rstrip(")")) for t in outcome_lines)
    territories = len(drawn_territories(bundled()))
    assert counted + 1 == len(result.assessments) + territories  # the home state drawn, and counted, apart
    for text in outcome_lines:
        label, count = text.rsplit(" (", 1)
        word = next(STORY.outcome_words[o] for o, lab in OUTCOME_LABELS.items() if lab == label)
        assert f"{count.rstrip(')')} {label} (in {word})" in m.alt  # alt text: the same words and counts
