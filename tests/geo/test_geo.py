from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.geo.gazetteer import Gazetteer, build, import_dump, key, skeleton
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
