"""The command line's exit codes and messages for bad inputs and broken outputs."""

import os
import subprocess
import sys

import pytest

ENV = dict(os.environ)  # the synopsis that this interpreter imports, as every other test uses
CLI = [sys.executable, "-m", "synopsis"]
TEXT = "The central bank raised rates. Analysts expected it. Markets fell. " * 200


def run(args, shell=False, **kwargs):
    if shell:
        return subprocess.run(args, shell=True, capture_output=True, text=True, env=ENV, timeout=120,
                              executable="/bin/bash", **kwargs)
    return subprocess.run(CLI + args, capture_output=True, text=True, env=ENV, timeout=120, **kwargs)


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def assert_one_line_error(done, *words):
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    for word in words:
        assert word in done.stderr


def test_a_file_segments(article):
    done = run(["segment", str(article)])
    assert done.returncode == 0 and "Analysts expected it." in done.stdout


def test_a_missing_file(tmp_path):
    assert_one_line_error(run(["segment", str(tmp_path / "missing.txt")]), "missing.txt", "No such file")


def test_a_directory(tmp_path):
    assert_one_line_error(run(["segment", str(tmp_path)]), "directory")


def test_a_path_through_a_file_cannot_be_read(article):
    assert_one_line_error(run(["segment", str(article / "inside")]), "cannot read")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(article):
    article.chmod(0)
    assert_one_line_error(run(["segment", str(article)]), "Permission denied")


@pytest.mark.parametrize("data, words", [(b"PK\x03\x04\x00\x00binary", ("binary", "NUL")),
                                         (b"Caf\xe9 prices rose.", ("UTF-8", "offset 3"))])
def test_a_binary_file(tmp_path, data, words):
    path = tmp_path / "data.bin"
    path.write_bytes(data)
    assert_one_line_error(run(["segment", str(path)]), *words)


def test_binary_stdin():
    assert_one_line_error(run(["segment"], input="a\0b"), "<stdin>", "NUL")


def test_a_closed_stdin():
    done = run(" ".join(CLI) + " segment <&-", shell=True)
    assert_one_line_error(done, "stdin is closed")


def test_output_to_head_stops_quietly(article):
    done = run(f"{' '.join(CLI)} segment {article} | head -1", shell=True)
    assert done.returncode == 0
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""


def test_jsonl_to_head_c_stops_quietly(article):
    done = run(f"{' '.join(CLI)} segment --format jsonl {article} {article} {article} | head -c 10; "
               "echo \" rc=${PIPESTATUS[0]}\"", shell=True)
    assert done.stderr == ""
    assert done.stdout.endswith(" rc=0\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_a_full_disk_is_a_one_line_error(article, fmt):
    with open("/dev/full", "w") as full:
        done = subprocess.run(CLI + ["segment", "--format", fmt, str(article)], stdout=full, stderr=subprocess.PIPE,
                              text=True, env=ENV, timeout=120)
    assert_one_line_error(done, "cannot write", "No space left")


def test_a_closed_stdout_is_a_one_line_error(article):
    assert_one_line_error(run(f"{' '.join(CLI)} segment {article} >&-", shell=True), "cannot write")


@pytest.mark.parametrize("args", [["segment", "--no-such-flag"], ["no-such-command"], ["summarize", "--sentences",
                                                                                        "two"], []])
def test_invalid_flags_are_argparse_errors(args):
    done = run(args)
    assert done.returncode == 2
    assert "usage:" in done.stderr and "Traceback" not in done.stderr


def test_stance_train_refuses_several_training_files(tmp_path):
    data = tmp_path / "train.jsonl"
    data.write_text('{"target": "a", "text": "b", "label": "x"}\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "synopsis", "stance-train", str(data), str(data), "-o",
                          str(tmp_path / "m.bin")], capture_output=True, text=True)
    assert out.returncode == 2 and "one training file" in out.stderr
    assert not (tmp_path / "m.bin").exists()
