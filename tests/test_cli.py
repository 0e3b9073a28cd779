"""The CLI parses, calls and formats; bad input gets one clear line and exit status 2."""

import json

import pytest

from warrantwatch.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_prints_the_seed_assessment(capsys):
    code, out, _ = run(capsys, "check", "putin", "mongolia", "--on", "2024-09-03")
    assert code == 0
    assert "OBLIGED" in out and "Mongolia" in out and "art. 89(1)" in out


def test_check_json_follows_the_output_contract(capsys):
    code, out, _ = run(capsys, "check", "Vladimir Putin", "MN", "--on", "2024-09-03", "--json")
    document = json.loads(out)
    assert code == 0
    assert document["outcome"] == "OBLIGED"
    assert {"outcome", "basis", "caveats", "record", "sources"} <= set(document)
    assert document["state"] == "MNG" and document["on"] == "2024-09-03"


def test_world_json_counts(capsys):
    code, out, _ = run(capsys, "world", "Netanyahu", "--on", "2025-04-03", "--json")
    document = json.loads(out)
    assert code == 0
    assert sum(document["counts"].values()) == len(document["states"])
    assert document["states"]["HUN"]["outcome"] == "OBLIGED"


def test_world_table(capsys):
    code, out, _ = run(capsys, "world", "netanyahu", "--on", "2025-04-03")
    assert code == 0 and "OBLIGED" in out and "NOT_OBLIGED" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("check", "putn", "mongolia"), "Vladimir Putin"),
        (("check", "putin", "mongolai"), "Mongolia"),
        (("check", "gaddafi", "mongolia"), "ambiguous"),
        (("check", "putin", "congo"), "Democratic Republic of the Congo (COD), Republic of the Congo (COG)"),
        (("check", "putin", "mongolia", "--on", "2024-02-30"), "February 2024 has 29 days"),
        (("check", "putin", "mongolia", "--on", "next tuesday"), "YYYY-MM-DD"),
        (("person", "nobody-at-all"), "unknown person"),
        (("state", "Atlantis"), "unknown state"),
        (("data", "export", "--format", "csv"), "-o DIR"),
        (("data", "export", "--kind", "nonsense"), "unknown kind"),
        # a date given as a third argument or as --date: the error says how to give it
        (("check", "putin", "mongolia", "2024-09-02"), "give the date as --on 2024-09-02"),
        (("world", "putin", "2024-09"), "give the date as --on 2024-09"),
        (("check", "putin", "mongolia", "--date=2024-09-02"), "give the date as --on 2024-09-02"),
        (("check", "putin", "mongolia", "--date", "2024-09-02"), "give the date as --on"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, argv, expected):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert expected in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "code"),
    [("Russia", "RUS"), ("russian federation", "RUS"), ("RU", "RUS"), ("the Philippines", "PHL"),
     ("Türkiye", "TUR"), ("Turkey", "TUR"), ("DRC", "COD"), ("cote d'ivoire", "CIV"),
     ("Côte d’Ivoire", "CIV"), ("Ivory Coast", "CIV"), ("UK", "GBR"), ("Holy See", "VAT"),
     ("Palestine", "PSE"), ("Kosovo", "XKX"), ("Taiwan", "TWN"), ("China", "CHN"),
     ("Republic of the Congo", "COG"), ("Congo-Brazzaville", "COG"), ("Iran", "IRN")],
)
def test_state_names_match_forgivingly(capsys, name, code):
    status, out, _ = run(capsys, "state", name, "--json")
    assert status == 0
    assert json.loads(out)["state"]["iso3"] == code


@pytest.mark.parametrize(
    ("name", "person"),
    [("bashir", "omar-al-bashir"), ("al-Bashir", "omar-al-bashir"),
     ("Omar Hassan Ahmad Al Bashir", "omar-al-bashir"), ("PUTIN", "vladimir-putin"),
     ("netanyahu", "benjamin-netanyahu"), ("Duterte", "rodrigo-duterte")],
)
def test_person_names_match_forgivingly(capsys, name, person):
    status, out, _ = run(capsys, "person", name, "--json")
    assert status == 0
    assert json.loads(out)["person"]["id"] == person


def test_person_lists_warrants_and_trips(capsys):
    code, out, _ = run(capsys, "person", "bashir")
    assert code == 0 and "Situation in Darfur, Sudan: issued 2009-03-04" in out and "South Africa" in out
    assert "omar-al-bashir" not in out  # names, not ids


def test_state_shows_timeline_visits_and_findings(capsys):
    code, out, _ = run(capsys, "state", "ZAF")
    assert code == 0
    assert "notified withdrawal" in out and "withdrawal revoked" in out
    assert "2017-07-06" in out


def test_persons_lists_everyone(capsys, kb):
    code, out, _ = run(capsys, "persons", "--json")
    assert code == 0 and len(json.loads(out)) == len(kb.persons)


def test_data_check_and_export(capsys, kb, tmp_path):
    assert run(capsys, "data", "check")[0] == 0
    code, out, _ = run(capsys, "data", "export", "--format", "json")
    exported = json.loads(out)
    assert code == 0 and len(exported["warrants"]) == len(kb.warrants)
    code, _, _ = run(capsys, "data", "export", "--format", "csv", "-o", str(tmp_path / "csv"))
    assert code == 0
    header = (tmp_path / "csv" / "states.csv").read_text().splitlines()
    assert header[0].startswith("iso3,name") and len(header) == len(kb.states) + 1


def test_help_is_available(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "check" in out and "world" in out


def test_data_stats_and_person_use_words_not_keys_or_codes(capsys):
    assert main(["data", "stats"]) == 0
    out = capsys.readouterr().out
    assert "art. 12(3) declarations: " in out and "declarations 12 3" not in out
    assert main(["person", "bashir"]) == 0
    assert "national of Sudan" in capsys.readouterr().out


def test_no_date_hint_where_it_does_not_apply(capsys):
    # an extra word that is not a date, and a command without --on, get the plain usage error
    for argv in (("check", "putin", "mongolia", "--on", "2024-09-02", "xx"), ("persons", "--date", "2024")):
        code, _, err = run(capsys, *argv)
        assert code == 2
        assert "--on" not in err.split("(see")[0]
