"""The wheel of scripts/build_wheel.sh stands on its own.

Installed into a fresh virtual environment (numpy is its only dependency), it runs the
README's examples while every ICU, libstemmer and gumbo library of the system is hidden
from the loader behind a decoy, and its module links none of them (ldd, auditwheel).

The wheel is $SYNOPSIS_WHEEL, else the newest dist/synopsis-*.whl; scripts/test.sh builds
it once and installs it as the package the rest of the suite tests.
"""

import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

from test_readme import python_blocks

REPO = pathlib.Path(__file__).resolve().parents[2]
SYSTEM_LIBRARIES = re.compile(r"lib(icu[a-z0-9]*|stemmer|gumbo)\.so")


def find_wheel():
    if os.environ.get("SYNOPSIS_WHEEL"):
        return pathlib.Path(os.environ["SYNOPSIS_WHEEL"])
    wheels = sorted((REPO / "dist").glob("synopsis-*.whl"), key=lambda p: p.stat().st_mtime)
    if wheels:
        return wheels[-1]
    message = "no wheel: run bash scripts/build_wheel.sh (or set SYNOPSIS_WHEEL)"
    if os.environ.get("CI") == "true":  # scripts/test.sh builds it: its absence is a failure there
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def wheel():
    path = find_wheel()
    assert path.is_file(), f"SYNOPSIS_WHEEL={path} does not exist"
    return path


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    root = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True)
    python = root / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
                   check=True, env=clean_env())
    return python


@pytest.fixture(scope="module")
def module_path(venv):
    out = subprocess.run([str(venv), "-c", "import synopsis._core as m; print(m.__file__)"],
                         check=True, capture_output=True, text=True, env=clean_env(), cwd="/")
    return pathlib.Path(out.stdout.strip())


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "LD_PRELOAD")}
    env.update(extra)
    return env


def decoys(directory):
    """Empty files named like the system's ICU, libstemmer and gumbo libraries: found
    first on LD_LIBRARY_PATH, any attempt to load one fails ("file too short")."""
    names = set()
    for libdir in ("/lib", "/usr/lib", "/usr/local/lib", "/lib64", "/usr/lib64", "/usr/lib/x86_64-linux-gnu",
                   "/usr/lib/aarch64-linux-gnu"):
        if os.path.isdir(libdir):
            names.update(n for n in os.listdir(libdir) if SYSTEM_LIBRARIES.match(n))
    names.update(["libicuuc.so", "libicui18n.so", "libicudata.so", "libstemmer.so.0d", "libgumbo.so.1"])
    directory.mkdir()
    for name in names:
        (directory / name).write_bytes(b"")
    return directory


# Runs in the virtual environment: the README's blocks in order, in one namespace, then
# the list of libraries mapped into the process.
RUNNER = r"""
import json, sys
import synopsis
assert "/site-packages/synopsis/" in synopsis.__file__, synopsis.__file__
blocks, ran, skipped = json.load(sys.stdin), 0, None
namespace = {"__name__": "readme"}
for line, code in blocks:
    try:
        exec(compile(code, "README.md:%d" % line, "exec"), namespace)
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] == "synopsis":
            raise
        skipped = "README.md:%d needs %s" % (line, exc.name)
        break
    ran += 1
maps = sorted({l.split()[-1] for l in open("/proc/self/maps") if "/" in l})
print(json.dumps({"ran": ran, "skipped": skipped, "maps": maps}))
"""


def test_readme_runs_without_system_libraries(venv, tmp_path):
    blocks = python_blocks(REPO / "README.md")
    hidden = decoys(tmp_path / "decoys")
    out = subprocess.run([str(venv), "-c", RUNNER], input=json.dumps(blocks), capture_output=True, text=True,
                         cwd=REPO, env=clean_env(LD_LIBRARY_PATH=str(hidden)))
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    # Segmentation, summaries, keyphrases and attribution run on numpy alone; the pandas
    # block may be skipped (the venv has numpy only).
    assert result["ran"] >= 3, result
    loaded = [m for m in result["maps"] if SYSTEM_LIBRARIES.search(os.path.basename(m))]
    assert loaded == [], f"the module loaded system libraries: {loaded}"


def test_module_links_no_system_libraries(module_path):
    ldd = subprocess.run(["ldd", str(module_path)], capture_output=True, text=True, check=True).stdout
    linked = [line.split()[0] for line in ldd.splitlines() if line.strip()]
    assert linked, ldd
    assert not [n for n in linked if SYSTEM_LIBRARIES.match(n)], ldd
    allowed = re.compile(r"(linux-vdso|ld-linux|libc|libm|libstdc\+\+|libgcc_s|libpthread|libdl)[.-]")
    assert [n for n in linked if not allowed.match(os.path.basename(n))] == [], ldd


def test_auditwheel_finds_a_manylinux_wheel(wheel):
    # auditwheel is a test requirement (requirements-test.txt), as scripts/build_wheel.sh needs it.
    show = subprocess.run([sys.executable, "-m", "auditwheel", "show", str(wheel)], capture_output=True, text=True)
    assert show.returncode == 0, show.stderr
    text = " ".join(show.stdout.split())
    assert "manylinux_" in wheel.name and "is consistent with the following platform tag" in text, text
    assert not SYSTEM_LIBRARIES.search(text), text
    assert "synopsis.libs" not in subprocess.run([sys.executable, "-m", "zipfile", "-l", str(wheel)],
                                                 capture_output=True, text=True, check=True).stdout


def test_the_module_loads_after_other_extensions_loaded_libstdcxx(wheel, tmp_path):
    """In a Jupyter kernel other C++ extensions (matplotlib's, pandas') load libstdc++ first;
    a module that reached its thread-locals through static TLS could not load then."""
    # matplotlib and pandas are test requirements (requirements-test.txt).
    root = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(root)], check=True)
    python = root / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
                    "--ignore-installed", str(wheel)], check=True, env=clean_env())
    code = ("import matplotlib.pyplot, pandas\nimport synopsis\n"
            "print(synopsis.__file__)\nprint(synopsis.summarize('Oil fell. Oil rose on Monday.', sentences=1))")
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, env=clean_env(), cwd="/")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith(str(root)), done.stdout
