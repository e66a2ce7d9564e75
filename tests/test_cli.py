"""The headless entry point ``python -m landoffice_plugin`` as a user runs it."""
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args, timeout=300):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    return subprocess.run([sys.executable, "-m", "landoffice_plugin", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_help_lists_algorithms():
    proc = run_cli("--help")
    assert proc.returncode == 0, proc.stderr
    for name in ("generatesample", "importdata", "overviewmap"):
        assert name in proc.stdout


def test_algorithm_help_lists_parameters():
    proc = run_cli("generatesample", "--help")
    assert proc.returncode == 0, proc.stderr
    for param in ("--SCALE", "--SEED", "--OUTPUT"):
        assert param in proc.stdout
    assert "small" in proc.stdout and "county" in proc.stdout


def test_unknown_algorithm_is_a_usage_error():
    proc = run_cli("nosuchthing")
    assert proc.returncode == 2
    assert "nosuchthing" in proc.stderr and "generatesample" in proc.stderr
    assert "未知" in proc.stderr  # Chinese as well as English


def test_unknown_parameter_is_a_usage_error(tmp_path):
    proc = run_cli("generatesample", "--SCALLE", "small", "--OUTPUT", str(tmp_path / "x.gpkg"))
    assert proc.returncode == 2
    assert "--SCALLE" in proc.stderr and "--SCALE" in proc.stderr
    assert not (tmp_path / "x.gpkg").exists()


def test_bad_enum_value_names_the_choices(tmp_path):
    proc = run_cli("generatesample", "--SCALE", "huge", "--OUTPUT", str(tmp_path / "x.gpkg"))
    assert proc.returncode == 2
    assert "small" in proc.stderr and "county" in proc.stderr


def test_missing_value(tmp_path):
    proc = run_cli("generatesample", "--OUTPUT")
    assert proc.returncode == 2


def test_runs_an_algorithm_and_prints_outputs(tmp_path):
    out = tmp_path / "s.gpkg"
    proc = run_cli("generatesample", "--SCALE", "small", "--SEED", "3", "--OUTPUT", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()
    assert f"OUTPUT: {out}" in proc.stdout


def test_failing_algorithm_exits_1_with_chinese_and_english(tmp_path):
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"this is not a GeoPackage")
    proc = run_cli("overviewmap", "--INPUT", str(broken), "--OUTPUT_PDF", str(tmp_path / "o.pdf"))
    assert proc.returncode == 1
    assert "broken.gpkg" in proc.stderr
    assert "无法" in proc.stderr and "Cannot open" in proc.stderr
    assert not (tmp_path / "o.pdf").exists()


def test_several_enum_values_and_names_in_either_language(tmp_path):
    """--CATEGORIES 0,5, repeated flags and option names in Chinese select several categories."""
    from qgis.core import QgsProcessingParameterEnum

    from landoffice_plugin.cli import enum_value

    param = QgsProcessingParameterEnum("C", "C", options=["Approved but not supplied", "Idle land", "x", "y",
                                                           "z", "Cropland recovery"], allowMultiple=True)
    assert enum_value("C", param, "0,5") == [0, 5]
    assert enum_value("C", param, ["0", "5"]) == [0, 5]
    assert enum_value("C", param, "idle land") == [1]
    single = QgsProcessingParameterEnum("S", "S", options=["small", "county"])
    assert enum_value("S", single, "county") == 1
    import pytest

    from landoffice_plugin.cli import UsageError
    with pytest.raises(UsageError, match="not several"):
        enum_value("S", single, "0,1")
    with pytest.raises(UsageError, match="small"):
        enum_value("S", single, "huge")


def test_repeated_flags_collect_values():
    from landoffice_plugin.cli import parse_arguments

    alg, params, _h, _j = parse_arguments(["potentialland", "--CATEGORIES", "0", "--CATEGORIES=5", "--X", "1"])
    assert alg == "potentialland" and params == {"CATEGORIES": ["0", "5"], "X": "1"}


def test_a_layer_that_cannot_be_read_says_why(tmp_path):
    sample = tmp_path / "s.gpkg"
    assert run_cli("generatesample", "--SCALE", "small", "--OUTPUT", str(sample)).returncode == 0
    out = str(tmp_path / "hits.csv")
    missing = run_cli("parcelsearch", "--ZD", str(tmp_path / "nope.gpkg"), "--QUERY", "张", "--OUTPUT", out)
    assert missing.returncode == 2 and "does not exist" in missing.stderr and "nope.gpkg" in missing.stderr
    wrong = run_cli("parcelsearch", "--ZD", f"{sample}|layername=ZDX", "--QUERY", "张", "--OUTPUT", out)
    assert wrong.returncode == 2 and "ZDX" in wrong.stderr
    assert "DLTB" in wrong.stderr and "ZD" in wrong.stderr  # the layers it has
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"not a geopackage at all")
    bad = run_cli("parcelsearch", "--ZD", str(broken), "--QUERY", "张", "--OUTPUT", out)
    assert bad.returncode == 2 and "cannot be read" in bad.stderr
    proc = run_cli("parcelsearch", "--help")
    assert "layername=ZD" in proc.stdout


def test_output_folder_is_created(tmp_path):
    out = tmp_path / "new" / "deeper" / "county.gpkg"
    proc = run_cli("generatesample", "--SCALE", "small", "--OUTPUT", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()


def _clean_stderr(stderr: str) -> None:
    for noise in ("XDG_RUNTIME_DIR", "ResourceWarning", "Traceback"):
        assert noise not in stderr, stderr


def test_every_algorithm_has_a_worked_example_that_fits_its_parameters(qgis_app):
    from qgis.core import QgsProcessingParameterDefinition

    from landoffice_plugin.cli import _algorithms, enum_value, examples, parse_arguments
    from landoffice_plugin.headless import start_qgis

    start_qgis()
    known = examples()
    algorithms = _algorithms()
    assert {a.name() for a in algorithms} == set(known)
    for alg in algorithms:
        name, raw, _help, _json = parse_arguments([alg.name(), *known[alg.name()]["args"]])
        assert name == alg.name()
        params = {p.name(): p for p in alg.parameterDefinitions()}
        assert set(raw) <= set(params), (alg.name(), set(raw) - set(params))
        required = {n for n, p in params.items() if not p.flags() & QgsProcessingParameterDefinition.FlagOptional
                    and p.defaultValue() is None}
        assert required <= set(raw), (alg.name(), required - set(raw))
        for key, value in raw.items():
            if params[key].type() == "enum":
                enum_value(key, params[key], value)  # a name or number the option accepts


def test_examples_run_as_written_and_stderr_is_quiet(tmp_path):
    """The generatesample and parcelsearch examples, copied from --help into a shell."""
    import shlex

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8", LANG="C.UTF-8",
               PYTHONPATH=str(REPO), PYTHONWARNINGS="default")
    env.pop("XDG_RUNTIME_DIR", None)
    for name in ("generatesample", "parcelsearch"):
        shown = run_cli(name, "--help").stdout.splitlines()
        after = shown[next(i for i, line in enumerate(shown) if "(Example" in line) + 1:]
        command = after[0].strip()
        assert command.startswith(f"python -m landoffice_plugin {name} "), after
        argv = shlex.split(command)
        proc = subprocess.run([sys.executable, *argv[1:]], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=300)
        assert proc.returncode == 0, (name, proc.stderr)
        _clean_stderr(proc.stderr)
    assert (tmp_path / "county.gpkg").is_file() and (tmp_path / "matches.csv").is_file()


def test_a_failed_checkout_says_checkout_not_sync(tmp_path):
    """A data centre that answers its conformance and fails afterwards (HTTP 500)."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path.split("?")[0].endswith("/conformance"):
                body = json.dumps({"conformsTo": []}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_response(500)
                self.send_header("Content-Length", "0")
                self.end_headers()

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        out = tmp_path / "pkg"
        proc = run_cli("checkout", "--URL", f"http://127.0.0.1:{server.server_address[1]}/ogc",
                       "--AREA", "505000,3487000,505400,3487400", "--OUTPUT_DIR", str(out))
    finally:
        server.shutdown()
        server.server_close()
    assert proc.returncode == 1
    assert "HTTP 500" in proc.stderr and "check out again" in proc.stderr and "重新检出" in proc.stderr
    for sync_words in ("Nothing is lost", "sync again", "数据不会丢失", "重新同步"):
        assert sync_words not in proc.stderr, proc.stderr
    assert not (out / "fieldwork.gpkg").exists()
    _clean_stderr(proc.stderr)


def test_categories_by_id_as_well_as_by_number():
    """--CATEGORIES boundary (the category id) selects the same option as its number; an unknown id is refused
    in Chinese and English with the ids listed."""
    import pytest
    from qgis.core import QgsProcessingParameterEnum

    from landoffice_plugin.analysis.categories import CATEGORIES, CATEGORY_IDS
    from landoffice_plugin.cli import UsageError, enum_value
    from landoffice_plugin.processing.alg_potential_land import PotentialLandAlgorithm

    ids = PotentialLandAlgorithm.ENUM_IDS["CATEGORIES"]
    assert ids == CATEGORY_IDS
    param = QgsProcessingParameterEnum("CATEGORIES", "C", options=[c.name_en for c in CATEGORIES],
                                       allowMultiple=True)
    boundary = CATEGORY_IDS.index("boundary")
    assert enum_value("CATEGORIES", param, "boundary", ids) == [boundary]
    assert enum_value("CATEGORIES", param, "Boundary,0", ids) == [boundary, 0]
    assert enum_value("CATEGORIES", param, ["recovery", str(boundary)], ids) == [len(ids) - 1, boundary]
    with pytest.raises(UsageError) as err:
        enum_value("CATEGORIES", param, "boundry", ids)
    text = str(err.value)
    assert "boundary" in text and "boundry" in text and "must be one of" in text


def test_potentialland_cli_refuses_an_unknown_category_id(tmp_path):
    proc = run_cli("potentialland", "--CATEGORIES", "nosuch", "--OUTPUT", str(tmp_path / "o.gpkg"))
    assert proc.returncode == 2
    assert "boundary" in proc.stderr and "nosuch" in proc.stderr
