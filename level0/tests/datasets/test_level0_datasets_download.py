"""Every download path of the registry, against a local HTTP server."""

from __future__ import annotations

import hashlib
import io
import socket
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from level0 import datasets
from level0.datasets import REGISTRY, Dataset, File, Folder

CSV = b"id,value\r\n1,2.5\r\n2,3.5\r\n"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tar_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("MLROADMAP_DATA", str(folder))
    return folder


@pytest.fixture
def add(monkeypatch):
    """Register a throwaway dataset for one test only."""

    def add(name: str, *items: File | Folder) -> Dataset:
        dataset = Dataset(name, name, f"test dataset {name}", "none", "none", items)
        monkeypatch.setitem(REGISTRY, name, dataset)
        return dataset

    return add


def test_first_download_verifies_and_places_the_file(httpserver, home, add):
    httpserver.expect_request("/t.csv").respond_with_data(CSV)
    add("tiny", File("tiny/t.csv", httpserver.url_for("/t.csv"), sha(CSV), len(CSV)))
    folder = datasets.fetch("tiny")
    assert folder == home / "tiny"
    assert (folder / "t.csv").read_bytes() == CSV
    assert datasets.locate("tiny") == folder


def test_cache_hit_sends_no_second_request(httpserver, home, add):
    httpserver.expect_request("/t.csv").respond_with_data(CSV)
    add("tiny", File("tiny/t.csv", httpserver.url_for("/t.csv"), sha(CSV), len(CSV)))
    datasets.fetch("tiny")
    datasets.fetch("tiny")
    assert len(httpserver.log) == 1


def test_bad_hash_is_refused_and_nothing_is_kept(httpserver, home, add):
    httpserver.expect_request("/t.csv").respond_with_data(CSV + b"3,tampered\r\n")
    add("tiny", File("tiny/t.csv", httpserver.url_for("/t.csv"), sha(CSV), len(CSV)))
    with pytest.raises(datasets.DownloadError, match="sha256 does not match"):
        datasets.fetch("tiny")
    assert not (home / "tiny" / "t.csv").exists()
    assert list((home / "tiny").iterdir()) == []  # no temporary file left behind


def test_http_404_is_refused(httpserver, home, add):
    httpserver.expect_request("/t.csv").respond_with_data("not here", status=404)
    add("tiny", File("tiny/t.csv", httpserver.url_for("/t.csv"), sha(CSV), len(CSV)))
    with pytest.raises(datasets.DownloadError, match="HTTP 404"):
        datasets.fetch("tiny")
    assert not (home / "tiny" / "t.csv").exists()


def test_html_page_in_place_of_csv_is_refused(httpserver, home, add):
    page = b"<!DOCTYPE html>\n<html><body>Please sign in</body></html>"
    httpserver.expect_request("/t.csv").respond_with_data(page, content_type="text/html")
    add("tiny", File("tiny/t.csv", httpserver.url_for("/t.csv"), sha(CSV), len(CSV)))
    with pytest.raises(datasets.DownloadError, match="HTML page instead of the data"):
        datasets.fetch("tiny")
    assert not (home / "tiny" / "t.csv").exists()


def test_an_expected_html_file_is_accepted(httpserver, home, add):
    page = b"<html><body>a saved page</body></html>"
    httpserver.expect_request("/p.html").respond_with_data(page)
    add("pages", File("pages/p.html", httpserver.url_for("/p.html"), sha(page), len(page)))
    assert (datasets.fetch("pages") / "p.html").read_bytes() == page


def test_archive_member_that_escapes_is_refused(httpserver, home, add, tmp_path):
    archive = tar_bytes({"corpus/a.txt": b"a", "../../escaped.txt": b"gotcha"})
    httpserver.expect_request("/c.tgz").respond_with_data(archive)
    add(
        "corpus",
        Folder(
            "corpus/files", httpserver.url_for("/c.tgz"), "0" * 64, 1, 1, member_prefix="corpus/"
        ),
    )
    with pytest.raises(datasets.DownloadError, match="outside the target folder"):
        datasets.fetch("corpus")
    assert not any(p.name == "escaped.txt" for p in tmp_path.rglob("*"))
    assert not (home / "corpus").exists()


def test_zip_member_with_absolute_path_is_refused(tmp_path):
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("/etc/evil", b"x")
    with pytest.raises(datasets.UnsafeArchive, match="outside the target folder"):
        datasets.SafeArchive(path)


def test_tar_symlink_member_is_refused(tmp_path):
    path = tmp_path / "link.tar"
    with tarfile.open(path, "w") as tar:
        info = tarfile.TarInfo("corpus/link")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        tar.addfile(info)
    with pytest.raises(datasets.UnsafeArchive, match="link or a device"):
        datasets.SafeArchive(path)


def test_folder_from_archive_is_verified_by_tree_digest(httpserver, home, add, tmp_path):
    members = {"repo-abc/mail/ham/1.txt": b"hello", "repo-abc/mail/spam/2.txt": b"buy now"}
    reference = tmp_path / "reference" / "corpus" / "mail"
    for name, data in members.items():
        target = reference / name.removeprefix("repo-abc/mail/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    digest = datasets.tree_sha256(reference, "corpus/mail")
    httpserver.expect_request("/repo.tar.gz").respond_with_data(tar_bytes(members))
    add(
        "corpus",
        Folder(
            "corpus/mail",
            httpserver.url_for("/repo.tar.gz"),
            digest,
            2,
            12,
            member_prefix="repo-abc/mail/",
        ),
    )
    folder = datasets.fetch("corpus")
    assert (folder / "mail" / "spam" / "2.txt").read_bytes() == b"buy now"
    assert datasets.check(REGISTRY["corpus"].items[0]).state == "ok"


def test_archive_member_file_is_extracted_and_verified(httpserver, home, add):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("data/t.csv", CSV)
        zf.writestr("notebook.ipynb", b"{}")
    httpserver.expect_request("/d.zip").respond_with_data(buffer.getvalue())
    add(
        "zipped",
        File("zipped/t.csv", httpserver.url_for("/d.zip"), sha(CSV), len(CSV), member="data/t.csv"),
    )
    assert (datasets.fetch("zipped") / "t.csv").read_bytes() == CSV
    assert sorted(p.name for p in (home / "zipped").iterdir()) == ["t.csv"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_offline_message_names_dataset_url_and_path(home, add):
    url = f"http://127.0.0.1:{free_port()}/t.csv"  # nothing listens there: like being offline
    add("tiny", File("tiny/t.csv", url, sha(CSV), len(CSV)))
    with pytest.raises(datasets.DatasetMissing) as caught:
        datasets.fetch("tiny")
    message = str(caught.value)
    assert "\n" not in message
    assert "'tiny'" in message
    assert url in message
    assert str(home / "tiny" / "t.csv") in message


def test_locate_never_downloads_and_says_how_to_fetch(httpserver, home, add):
    add("tiny", File("tiny/t.csv", httpserver.url_for("/t.csv"), sha(CSV), len(CSV)))
    with pytest.raises(datasets.DatasetMissing, match=r"python -m level0.datasets fetch tiny"):
        datasets.locate("tiny")
    assert httpserver.log == []


def test_a_wrong_local_copy_is_never_overwritten(httpserver, home, add):
    httpserver.expect_request("/t.csv").respond_with_data(CSV)
    add("tiny", File("tiny/t.csv", httpserver.url_for("/t.csv"), sha(CSV), len(CSV)))
    (home / "tiny").mkdir(parents=True)
    (home / "tiny" / "t.csv").write_bytes(b"my own edits")
    with pytest.raises(datasets.DatasetError, match="is not the registered file"):
        datasets.fetch("tiny")
    assert (home / "tiny" / "t.csv").read_bytes() == b"my own edits"
    assert httpserver.log == []


def test_tree_digest_matches_the_shell_recipe(tmp_path):
    root = tmp_path / "data"
    files = {"c/B.txt": b"1", "c/a.txt": b"2", "c/sub dir/z.txt": b"3", "c/é.txt": b"4"}
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    recipe = "find c -type f | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum"
    shell = subprocess.run(
        ["bash", "-c", recipe], cwd=root, capture_output=True, text=True, check=True
    )
    assert datasets.tree_sha256(root / "c", "c") == shell.stdout.split()[0]


def run_cli(*args: str, env_home: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "MLROADMAP_DATA": str(env_home)}
    return subprocess.run(
        [sys.executable, "-m", "level0.datasets", *args], capture_output=True, text=True, env=env
    )


def test_cli_where_list_and_unknown_name(tmp_path):
    assert run_cli("where", env_home=tmp_path).stdout.strip() == str(tmp_path)
    listing = run_cli("list", env_home=tmp_path)
    assert listing.returncode == 0
    assert "titanic" in listing.stdout
    unknown = run_cli("fetch", "nope", env_home=tmp_path)
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("error: unknown dataset 'nope'")
    assert "Traceback" not in unknown.stderr


def test_cli_verify_reports_missing_files(tmp_path):
    result = run_cli("verify", "titanic", env_home=tmp_path)
    assert result.returncode == 1
    assert "missing  titanic      titanic/train.csv" in result.stdout
