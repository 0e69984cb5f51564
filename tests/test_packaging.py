"""One import package, ``gongwen``, that works the same installed from a wheel.

The checkout keeps the top-level folders ``pipeline/``, ``extractors/`` and ``models/``;
pyproject.toml installs them as ``gongwen``, ``gongwen.extractors`` and ``gongwen.models``.
Three things can go wrong without anyone noticing in the checkout, where the folders are
on disk beside the code: a new sub-package missing from the explicit ``packages`` list, a
module imported by its folder name (``pipeline.x`` resolves by accident from the repository
root and loads a second copy), and a data file or model that the wheel leaves out (the
installed pipeline then runs quietly without it). The last test builds the wheel, installs
it into a fresh environment and compares its records with the checkout's.

The wheel is built by calling setuptools' PEP 517 hook (what ``pip wheel`` calls, without
pip's overhead) and installed with ``--no-deps --no-index``; the new environment reaches
the already-installed dependencies through a ``.pth`` line naming this environment's
site-packages, where ``.pth`` files are not read, so the checkout's editable install stays
out of sight. Nothing is downloaded, and the whole module takes about ten seconds.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from gongwen.process import process_file

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
#: The folder names that must never be imported as modules.
FOLDERS = {"pipeline", "extractors", "models"}
#: Where Python code of the project lives (the installed package and what runs beside it).
CODE = ["pipeline", "extractors", "models", "tests", "bench", ".ci"]
_DOTTED = re.compile(r"^(?:pipeline|extractors|models)(?:\.[A-Za-z_]\w*)+$")


def _package_folders() -> dict[str, Path]:
    """Every package the package-dir mapping makes of a folder with an ``__init__.py``."""
    out: dict[str, Path] = {}
    for package, folder in SETUPTOOLS["package-dir"].items():
        base = ROOT / folder
        for init in base.rglob("__init__.py"):
            out[".".join((package, *init.parent.relative_to(base).parts))] = init.parent
    return out


def test_the_packages_list_names_every_package_folder() -> None:
    assert sorted(SETUPTOOLS["packages"]) == sorted(_package_folders())


def _folder_names(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) for each import of a folder name, and each string naming one as a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] in FOLDERS]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] in FOLDERS:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            arg = node.args[0].value
            if name in ("import_module", "__import__", "find_spec") and isinstance(arg, str) \
                    and arg.split(".")[0] in FOLDERS:
                found.append((node.lineno, arg))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _DOTTED.match(node.value):
            found.append((node.lineno, node.value))  # monkeypatch/mock targets, importlib strings
    return found


def test_no_module_imports_a_folder_name() -> None:
    bad = []
    for folder in CODE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            bad += [f"{path.relative_to(ROOT)}:{line}: {what}" for line, what in _folder_names(tree)]
    assert not bad, "import gongwen.…, never the folder names:\n" + "\n".join(bad)


def test_the_scan_finds_folder_imports() -> None:
    tree = ast.parse("import pipeline.x\nfrom extractors.duties import a\n"
                     "importlib.import_module('pipeline')\nmonkeypatch.setattr('models.x.y', 1)\n"
                     "from gongwen import pipeline\nx = 'pipeline stages'\n")
    # written with slashes here, or the scan would find this test's own expectations
    assert [w.replace(".", "/") for _, w in _folder_names(tree)] == [
        "pipeline/x", "extractors/duties", "pipeline", "models/x/y"]


# --- the wheel ---------------------------------------------------------------------------

LEADS = ("白河镇推进基层治理工作的做法\n"
         "夯实基层基础,激发队伍活力。镇里每季度召开一次推进会，逐村研究解决具体问题。\n"
         "聚焦群众急难愁盼,创新服务方式。围绕就业和养老，推出八项便民措施，逐项明确责任单位。\n"
         "健全考核机制,确保工作落实到位。把工作成效纳入年度考核，对进度滞后的村进行通报。\n")
DUTIES = ("白河镇财政所主要职责\n一、负责全镇财政预算编制和执行；\n二、负责镇级国有资产管理；\n"
          "三、承办镇党委、镇政府交办的其他事项。\n")
RULES = ("白河镇党委会议议事规则\n第一条 党委会议一般每月召开一次，由党委书记召集并主持。\n"
         "第二条 会议须有三分之二以上委员到会方能召开。\n第三条 决定事项须经应到会委员半数以上同意。\n"
         "全年召开会议十二次，涉及资金120万元，比上年增长5.5%。\n")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wheel built from the checkout, installed into a fresh environment."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    shutil.copy(ROOT / "pyproject.toml", src)
    shutil.copy(ROOT / "README.md", src)
    for folder in SETUPTOOLS["package-dir"].values():
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp / "dist"
    build = subprocess.run([sys.executable, "-c", f"from setuptools.build_meta import build_wheel; "
                            f"print(build_wheel({str(dist)!r}))"], cwd=src, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-3000:]
    wheel = dist / build.stdout.strip().splitlines()[-1]
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    site = Path(subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    pip = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps",
                          "--no-index", str(wheel)], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr[-3000:]
    # the dependencies, from this environment: a .pth line appends its site-packages
    (site / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    docs = tmp / "docs"
    docs.mkdir()
    for name, text in (("leads.txt", LEADS), ("duties.txt", DUTIES), ("rules.txt", RULES)):
        (docs / name).write_text(text, encoding="utf-8")
    return {"wheel": wheel, "venv": venv, "site": site, "docs": docs, "tmp": tmp}


def _installed_python(installed: dict[str, Path], code: str) -> str:
    out = subprocess.run([installed["venv"] / "bin" / "python", "-c", code], cwd=installed["tmp"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def test_the_wheel_installs_only_gongwen(installed: dict[str, Path]) -> None:
    with zipfile.ZipFile(installed["wheel"]) as z:
        names = z.namelist()
    tops = {n.split("/")[0] for n in names if ".dist-info/" not in n}
    assert tops == {"gongwen"}
    # and the environment holds exactly that package beside its metadata
    entries = {p.name for p in installed["site"].iterdir()} - {"zz_dependencies.pth", "__pycache__"}
    assert {e for e in entries if not e.endswith(".dist-info")} == {"gongwen"}


def test_the_wheel_carries_every_data_file(installed: dict[str, Path]) -> None:
    """Models, lexicons (.tsv/.txt), model cards and the web front end's templates."""
    with zipfile.ZipFile(installed["wheel"]) as z:
        names = set(z.namelist())
    expected = set()
    for package, folder in _package_folders().items():
        for path in folder.iterdir():
            if path.is_file() and path.suffix not in (".py", ".pyc"):
                expected.add("/".join((*package.split("."), path.name)))
        for sub in ("templates", "static"):  # data folders without an __init__.py
            if (folder / sub).is_dir():
                expected |= {"/".join((*package.split("."), sub, p.name)) for p in (folder / sub).iterdir()}
    assert "gongwen/models/heading_lead.json" in expected and "gongwen/models/genre_model.json" in expected
    assert any(n.endswith(".html") for n in expected) and sum(n.endswith(".tsv") for n in expected) > 10
    assert sorted(expected - names) == []


def test_the_installed_package_finds_its_models_and_not_the_checkout(installed: dict[str, Path]) -> None:
    out = _installed_python(installed, (
        "import importlib.util, json, gongwen\n"
        "from gongwen import linear_model\n"
        "from gongwen.structure import classifier\n"
        "from gongwen.metadata import genre\n"
        "print(json.dumps({'package': gongwen.__file__, 'heading': str(classifier.MODEL_PATH),\n"
        "  'heading_ok': linear_model.load(classifier.MODEL_PATH, classifier.MODEL_FORMAT) is not None,\n"
        "  'genre_ok': genre.load_model(genre.MODEL_PATH) is not None,\n"
        "  'folders': [m for m in ('pipeline', 'extractors', 'models') if importlib.util.find_spec(m)]}))\n"))
    found = json.loads(out)
    assert found["package"].startswith(str(installed["site"]))
    assert found["heading"].startswith(str(installed["site"]))
    assert found["heading_ok"] and found["genre_ok"]
    assert found["folders"] == []


def _without_path(record: dict) -> dict:
    record = dict(record)
    record["source"] = {k: v for k, v in record["source"].items() if k != "path"}
    return record


def test_the_installed_command_gives_the_checkouts_records(installed: dict[str, Path], request) -> None:
    docs = sorted(installed["docs"].iterdir())
    shared = ROOT.parent / "shared"
    if (shared / "seeds").is_dir():  # a few real documents too, when they are here
        docs += sorted(p for p in (shared / "seeds").iterdir() if p.suffix in (".txt", ".docx", ".pdf"))[:3]
    out = installed["tmp"] / "out"
    run = subprocess.run([installed["venv"] / "bin" / "gongwen", "extract", *map(str, docs), "--out", str(out)],
                         cwd=installed["tmp"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    written = sorted(out.glob("*.json"))
    assert len(written) == len(docs)
    installed_records = {json.loads(p.read_text(encoding="utf-8"))["source"]["sha256"]:
                         json.loads(p.read_text(encoding="utf-8")) for p in written}
    for doc in docs:
        mine = process_file(doc).to_dict()
        theirs = installed_records[mine["source"]["sha256"]]
        assert _without_path(theirs) == _without_path(json.loads(json.dumps(mine))), doc.name
    leads = process_file(installed["docs"] / "leads.txt")
    assert len(leads.sections) == 3  # the lead sentences are headings only with the heading model
