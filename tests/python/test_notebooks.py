"""The notebooks run top to bottom (on small samples), and stop clearly without their data."""

import os
import pathlib

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

import synopsis as sy  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"

# name -> (sample size for the test, what it needs beyond synopsis itself)
CASES = {
    "news_digest": ("3", ["rouge_score"]),
    "stance_analysis": ("300", ["sklearn"]),
    "seed_article": ("0", []),
}


def run(name, env, allow_errors=False, cells=None):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    if cells is not None:
        nb.cells = nb.cells[:cells]
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    os.environ["MPLBACKEND"] = "Agg"
    try:
        client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=allow_errors,
                                         resources={"metadata": {"path": str(NOTEBOOKS)}})
        client.execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


def test_committed_without_outputs():
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, f"{path.name} has outputs"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("name", sorted(CASES))
def test_notebook_runs(name, shared_data):
    sample, needs = CASES[name]
    for module in needs:
        pytest.importorskip(module)
    nb = run(name, {"SYNOPSIS_NOTEBOOK_SAMPLE": sample, "SYNOPSIS_DATA": str(shared_data)})
    html = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if "text/html" in o.get("data", {})]
    assert html, f"{name} rendered no rich output"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_without_data_stops_with_a_message(tmp_path):
    nb = run("news_digest", {"SYNOPSIS_DATA": str(tmp_path / "missing")}, allow_errors=True, cells=2)
    first = next(c for c in nb.cells if c.cell_type == "code")
    text = "".join(str(o.get("evalue", "")) + str(o.get("text", "")) for o in first.outputs)
    assert "needs the BBC News Summary data" in text
