from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from rashomon.geo import gazetteer as gazetteer_module
from rashomon.geo.gazetteer import Gazetteer, Place, build, import_dump, key, skeleton
from rashomon.geo.resolve import Context, context_for, km, resolve

SHADDADI = (36.06, 40.73)
AL_HOL = (36.38, 41.15)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    from rashomon.geo.gazetteer import gazetteer

    return gazetteer()


def test_keys_fold_prefixes_diacritics_and_doubled_letters() -> None:
    assert key("al-Shaddadi") == key("Shadadi") == "shadadi"
    assert key("Al Ḩawl") == key("al-Hawl") == "hawl"
    assert skeleton("Shaddadah") == skeleton("Shaddadi")


def test_facilities_take_their_towns_coordinates_with_a_lower_precision(gaz: Gazetteer) -> None:
    ctx = context_for(["Syria", "Raqqa"], gaz)
    prison = resolve("al-Shaddadi prison", ctx, gaz=gaz)
    assert prison is not None and prison.precision == "2" and km((prison.lat, prison.lon), SHADDADI) < 25
    camp = resolve("Al-Hol camp", ctx, near="al-Hol", gaz=gaz)
    assert camp is not None and km((camp.lat, camp.lon), AL_HOL) < 25


def test_transliteration_variants_resolve_to_one_place(gaz: Gazetteer) -> None:
    ctx = context_for(["Syria"], gaz)
    places = {resolve(n, ctx, gaz=gaz) for n in ("Shaddadi", "Shaddadah", "al-Shaddadi")}
    assert len({(g.lat, g.lon) for g in places if g}) == 1


def test_countries_and_regions_have_their_precision(gaz: Gazetteer) -> None:
    syria = resolve("Syria", Context(), gaz=gaz)
    assert syria is not None and syria.precision == "country"
    province = resolve("Hasakah governorate", context_for(["Syria"], gaz), gaz=gaz)
    assert province is not None and province.precision == "3"


def test_context_picks_among_places_of_one_name(gaz: Gazetteer) -> None:
    london = resolve("London", Context(), gaz=gaz)
    assert london is not None and km((london.lat, london.lon), (51.5, -0.13)) < 50


def test_a_province_named_in_the_text_counts_for_its_country(gaz: Gazetteer) -> None:
    ctx = context_for(["Nelson", "British Columbia", "B.C.", "Castlegar"], gaz)
    assert ctx.countries["CA"] > ctx.countries["NZ"]
    ctx.anchors = {key("Castlegar"): (49.33, -117.66)}  # the second reading: each place among the others
    geo = resolve("Nelson", ctx, gaz=gaz)
    assert geo is not None and km((geo.lat, geo.lon), (49.49, -117.29)) < 50  # Nelson, B.C., not New Zealand's
    world = context_for(["Middle East"], gaz)
    assert not world.countries  # a world region belongs to no one country


def test_a_geonames_dump_adds_villages(tmp_path: Path) -> None:
    index = tmp_path / "g.sqlite"
    build(index, [])
    dump = tmp_path / "XX.txt"
    fields = ["9999001", "Qaryat Example", "Qaryat Example", "Qaryat al-Mithal", "35.5", "38.5", "P", "PPL", "SY",
              "", "04", "", "", "", "120", "", "300", "Asia/Damascus", "2025-01-01"]  # fmt: skip
    dump.write_text("\t".join(fields) + "\n", encoding="utf-8")
    assert import_dump(dump, index) == 1
    g = Gazetteer(index)
    assert [p.name for p in g.candidates("Qaryat al-Mithal")] == ["Qaryat Example"]


def test_a_file_that_is_not_a_dump_is_refused(tmp_path: Path) -> None:
    index = tmp_path / "g.sqlite"
    build(index, [])
    bad = tmp_path / "bad.txt"
    bad.write_text("\t".join(["x"] * 15) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match="not a GeoNames dump"):
        import_dump(bad, index)


def test_counties_and_provinces_are_indexed_with_their_precision(gaz: Gazetteer) -> None:
    ohio = context_for(["Ohio"], gaz)
    county = resolve("Cuyahoga County", ohio, gaz=gaz)
    assert county is not None and county.precision == "2" and km((county.lat, county.lon), (41.5, -81.7)) < 50
    state = resolve("Benue State", context_for(["Nigeria"], gaz), gaz=gaz)
    assert state is not None and state.precision == "3" and km((state.lat, state.lon), (7.35, 8.75)) < 150


def test_regions_named_by_generic_words_alone_are_not_indexed(gaz: Gazetteer) -> None:
    for word in ("Centre", "Northern", "South"):
        assert not [p for p in gaz.candidates(word) if p.feature in ("region", "district")], word


def test_a_national_capital_wins_over_a_region_of_its_name_at_home(gaz: Gazetteer) -> None:
    dc = resolve("Washington", context_for(["U.S.", "Virginia"], gaz), gaz=gaz)
    assert dc is not None and km((dc.lat, dc.lon), (38.9, -77.04)) < 20


def test_places_near_the_texts_other_places_win_among_towns_of_one_name(gaz: Gazetteer) -> None:
    ctx = context_for(["U.S."], gaz)
    ctx.anchors = {"boston": (42.36, -71.06)}
    east = resolve("Springfield", ctx, gaz=gaz)
    assert east is not None and km((east.lat, east.lon), (42.10, -72.59)) < 20
    ctx.anchors = {"portland": (45.52, -122.68)}
    west = resolve("Springfield", ctx, gaz=gaz)
    assert west is not None and km((west.lat, west.lon), (44.05, -123.02)) < 20


def test_a_world_region_is_not_read_as_a_neighbourhood_of_the_same_name(gaz: Gazetteer) -> None:
    ctx = context_for(["Baltimore", "Maryland"], gaz)
    ctx.anchors = {"baltimore": (39.29, -76.61)}
    region = resolve("Middle East", ctx, gaz=gaz)
    assert region is not None and km((region.lat, region.lon), (39.29, -76.61)) > 5000


def test_a_state_is_not_read_as_a_foreign_village_of_its_name(gaz: Gazetteer) -> None:
    texas = resolve("Texas", context_for(["Texas"], gaz), gaz=gaz)
    assert texas is not None and texas.precision == "3" and km((texas.lat, texas.lon), (31.0, -99.0)) < 300


def _slow_rows() -> Iterator[tuple[Place, list[str]]]:
    for i in range(8):  # slow enough for two builders to overlap
        time.sleep(0.05)
        yield Place(i + 1, f"Town {i}", 36.0, 41.0 + i, "SY", 1000, "city"), [f"Town {i}"]


def _open_and_look_up(path: str) -> int:
    return len(Gazetteer(Path(path)).candidates("Town 3"))


def test_processes_opening_a_new_index_at_once_share_one_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer_module, "_package_rows", _slow_rows)
    index = str(tmp_path / "index.sqlite")
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        found = list(pool.map(_open_and_look_up, [index, index]))
    assert found == [1, 1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.lock", "index.sqlite"]


def test_a_build_that_died_leaves_nothing_behind_once_the_index_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gazetteer_module, "_package_rows", _slow_rows)
    (tmp_path / "index.4242.tmp").write_bytes(b"half an index")  # a builder killed mid-way
    assert len(Gazetteer(tmp_path / "index.sqlite").candidates("Town 3")) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.lock", "index.sqlite"]


def test_a_name_that_only_looks_like_a_place_stays_unplaced_without_the_texts_support(gaz: Gazetteer) -> None:
    # "Velmora" looks like Vila Maria (Brazil) by its consonants, "Kestova" like Kstovo (Russia)
    assert resolve("Velmora", Context(), gaz=gaz) is None
    assert resolve("Kestova", context_for(["Kestova", "Velmora"], gaz), gaz=gaz) is None
    assert resolve("Kstovo", Context(), gaz=gaz) is not None  # the real town, spelled as it is
    russia = context_for(["Russia", "Nizhny Novgorod"], gaz)
    assert resolve("Kestova", russia, gaz=gaz) is not None  # a variant in a country the text names


def test_a_village_inside_an_organisations_name_needs_the_texts_support(gaz: Gazetteer) -> None:
    # "Front" is a village in Piedmont; a "Northern Rising Front" in a text about nowhere in Italy is no place
    assert resolve("Northern Rising Front", Context(), gaz=gaz) is None
    assert resolve("Birmingham City", Context(), gaz=gaz) is not None  # a big city inside the name still counts
