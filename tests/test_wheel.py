"""The built wheel, installed (not editable) in a virtual environment of its own, carries
what the checkout reads from resources/: HTML and site exports find their templates and
style, the window its translations and sample, the word cutter its newsroom dictionary
(issue 17: from a wheel, `export -f html` ended in TemplateNotFound)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile

import pytest

from editor import __version__
from tests.conftest import ROOT, SAMPLE_TXT


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python of a fresh venv with the wheel and its dependencies installed as a user's
    `pip install` would (from the package index, or pip's cache of the test set-up's own
    install), environment for it)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"  # (a copy: building in the checkout leaves build/ there, and reuses it)
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, src / name)
    for name in ("editor", "resources"):
        shutil.copytree(ROOT / name, src / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                            "--disable-pip-version-check", "-w", str(tmp), str(src)],
                           capture_output=True, text=True, timeout=600)
    if built.returncode != 0:
        pytest.fail(f"the wheel does not build: {built.stderr[-2000:]}")
    wheel = next(tmp.glob("pagedesk-*.whl"))
    assert wheel.name.startswith(f"pagedesk-{__version__}-")  # one version, editor.__version__
    names = zipfile.ZipFile(wheel).namelist()
    meta = zipfile.ZipFile(wheel).read(f"pagedesk-{__version__}.dist-info/METADATA").decode()
    assert "License-Expression: MIT" in meta
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    for needed in ("editor/resources/templates/document.html.j2",
                   "editor/resources/css/pagedesk.css", "editor/resources/i18n/pagedesk_zh_CN.qm",
                   "editor/resources/jieba/newsroom.dict",
                   "editor/resources/fontconfig/60-pagedesk-cjk.conf",
                   "editor/resources/samples/guangdong-jishi-p13.txt"):
        assert needed in names, needed
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    done = subprocess.run([str(python), "-m", "pip", "install", "-q",
                           "--disable-pip-version-check", str(wheel)],
                          capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        pytest.fail(f"the wheel does not install with its dependencies: {done.stderr[-2000:]}")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return python, env


def test_the_installed_wheel_segments_imports_and_searches(installed, tmp_path):
    """segment, import into a library and search it, with the wheel's own newsroom
    dictionary cutting the words (a word it adds is found whole)."""
    import json

    python, env = installed
    pagedesk = str(python.parent / "pagedesk")

    def run(*args):
        done = subprocess.run([pagedesk, *args], capture_output=True, text=True,
                              cwd=tmp_path, env=env, timeout=300)
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        return done.stdout

    page = json.loads(run("segment", str(SAMPLE_TXT), "--format", "json"))
    assert len(page["articles"]) == 5
    library = str(tmp_path / "library.sqlite")
    report = json.loads(run("import", str(SAMPLE_TXT), "--library", library, "--json"))
    assert report["files"][0]["status"] == "imported"
    hits = run("search", "劳模工匠助企行", "--library", library)
    assert "中国灯饰照明之都的追光者" in hits
    cut = subprocess.run([str(python), "-c", "from editor.core import tokens; "
                          "print(' '.join(tokens.cut('全媒体记者常务副主席')))"],
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert cut.stdout.split() == ["全媒体记者", "常务副主席"], cut.stdout + cut.stderr


@pytest.mark.parametrize("fmt", ["html", "site", "docx", "txt", "json"])
def test_the_installed_wheel_exports_in_every_format(installed, tmp_path, fmt):
    python, env = installed
    out = tmp_path / (f"out.{fmt}" if fmt != "site" else "site")
    done = subprocess.run([str(python), "-m", "editor", "export", str(SAMPLE_TXT), "-f", fmt,
                           "-o", str(out)], capture_output=True, text=True, cwd=tmp_path,
                          env=env, timeout=300)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert out.exists()


def test_the_installed_wheel_finds_its_resources_not_the_checkouts(installed, tmp_path):
    python, env = installed
    code = ("from editor.paths import resource_dir; from editor.core import tokens; "
            "from PySide6.QtWidgets import QApplication; from editor.gui import settings; "
            "app = QApplication([]); print(resource_dir()); print(tokens.USER_DICT.is_file()); "
            "print(settings.install_translators(app, 'zh_CN')); "
            "print(app.translate('Actions', '&Quit'))")
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, env={**env, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120)
    where, has_dict, chinese, quit_label = done.stdout.split()[:4]
    assert "site-packages" in where and str(ROOT) not in where and has_dict == "True"
    assert chinese == "True" and quit_label.startswith("退出"), done.stdout  # the window in Chinese


def test_the_installed_wheel_has_a_window_entry_point_and_a_menu_entry(installed, tmp_path):
    """pagedesk-gui is installed beside pagedesk; `desktop-entry` writes the menu entry and
    icons from the wheel's own resources; --version answers."""
    python, env = installed
    assert (python.parent / "pagedesk-gui").is_file() and (python.parent / "pagedesk").is_file()
    done = subprocess.run([str(python.parent / "pagedesk"), "desktop-entry", "--data-home",
                           str(tmp_path), "--config-home", str(tmp_path / "config")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "applications" / "pagedesk.desktop").read_text(encoding="utf-8")
    assert f"Exec={python.parent / 'pagedesk-gui'}" in entry or "Exec=pagedesk-gui" in entry
    assert (tmp_path / "icons/hicolor/256x256/apps/pagedesk.png").is_file()
    assert (tmp_path / "config/fontconfig/conf.d/60-pagedesk-cjk.conf").is_file()
    version = subprocess.run([str(python.parent / "pagedesk"), "--version"],
                             capture_output=True, text=True, env=env, timeout=60)
    assert version.stdout.strip() == f"pagedesk {__version__}"


WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from editor.gui import app as gui_app
real = gui_app.start_window
def start_window(*args, **kwargs):
    w = real(*args, **kwargs)
    def check():
        if w.doc is None or w.files.busy:
            QTimer.singleShot(100, check)
            return
        print(w.actions.file_menu.title(), len(w.page().articles), w.windowTitle())
        w.close()
        QApplication.quit()
    QTimer.singleShot(100, check)
    return w
gui_app.start_window = start_window
from editor.launch import main
sys.exit(main())
"""


def test_the_installed_wheel_opens_the_window_with_a_page_in_chinese(installed, tmp_path):
    """The window from the wheel alone (its own dependencies, no checkout on the path):
    the page segmented and shown, the menus in Chinese under a Chinese locale."""
    python, env = installed
    script = tmp_path / "window.py"
    script.write_text(WINDOW, encoding="utf-8")
    done = subprocess.run(
        [str(python), str(script), str(SAMPLE_TXT)], capture_output=True, text=True,
        cwd=tmp_path, timeout=300,
        env={**{k: v for k, v in env.items() if not k.startswith("LC_")},
             "QT_QPA_PLATFORM": "offscreen", "LANG": "zh_CN.UTF-8", "HOME": str(tmp_path),
             "XDG_CONFIG_HOME": str(tmp_path / "config"),
             "XDG_DATA_HOME": str(tmp_path / "data")})
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    menu, articles, *title = done.stdout.split()
    assert menu == "文件(&F)" and int(articles) == 5, done.stdout
    assert "版面校对台" in " ".join(title)
