"""Batch runs on a Dask cluster: a LocalCluster of two worker processes and a real PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import DRAFTS, ROOT

from pipeline.cli import main
from pipeline.cluster import profiling, worker_counts
from pipeline.store import open_store


@pytest.fixture(scope="module")
def cluster():
    """A Dask cluster on this machine: a scheduler and two worker processes of one thread."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # any free port: 8787 may be taken on a shared machine
        host="127.0.0.1",
    ) as local:
        yield local


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """Eight articles: the two bundled drafts, four times each under other names."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for copy in range(4):
        for name in DRAFTS:
            text = (ROOT / "claims" / f"{name}.md").read_text()
            (folder / f"{name}-{copy}.md").write_text(text + f"\n<!-- copy {copy} -->\n")
    return folder


def verdicts(out: Path) -> dict[str, list[tuple[str, str, int]]]:
    found = {}
    for report in sorted(out.glob("*.json")):
        if report.name == "summary.json":
            continue
        data = json.loads(report.read_text())
        [article] = data["articles"]
        found[report.name] = [(c["text"], c["verdict"], c["score"]) for c in article["claims"]]
    return found


def test_a_batch_on_the_cluster_matches_one_with_jobs(
    cluster, postgresql, runner, articles: Path, tmp_path: Path
) -> None:
    from distributed import Client

    url = postgresql.database()
    assert runner.invoke(main, ["ingest", "--db", url, str(ROOT / "sources")]).exit_code == 0
    common = ["batch", "--db", url, "--format", "json", "--quiet", str(articles)]
    on_cluster = runner.invoke(
        main,
        [*common, "--out", str(tmp_path / "cluster"), "--scheduler", cluster.scheduler_address],
    )
    assert on_cluster.exit_code == 0, on_cluster.output
    assert "8 checked" in on_cluster.output

    def page_faults_reusing_memory() -> int:
        """Minor page faults of making and freeing a 4 MiB block twenty times (1,024 pages each)."""
        import resource

        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for _ in range(20):
            block = bytearray(4 * 1024 * 1024)
            del block
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

    with Client(cluster) as client:
        counts = client.run(worker_counts)
        # The run stopped the workers' statistical profiler (it costs them CPU time),
        # and the workers reuse freed memory: 4 MiB blocks made and freed twenty
        # times fault in fresh pages once, not twenty times (Dask's nanny sets
        # MALLOC_TRIM_THRESHOLD_, under which each would be mapped afresh).
        assert list(client.run(profiling).values()) == [False, False]
        assert all(client.run(lambda: "MALLOC_TRIM_THRESHOLD_" in os.environ).values())
        faults = client.run(page_faults_reusing_memory)
        assert all(n < 2 * 1024 for n in faults.values()), faults
    per_worker = [sum(c.values()) for c in counts.values()]
    assert len(per_worker) == 2 and all(n > 0 for n in per_worker), counts
    assert sum(per_worker) == 8

    with_jobs = runner.invoke(
        main, [*common, "--out", str(tmp_path / "jobs"), "--jobs", "2", "--force"]
    )
    assert with_jobs.exit_code == 0, with_jobs.output
    assert verdicts(tmp_path / "cluster") == verdicts(tmp_path / "jobs")
    assert len(verdicts(tmp_path / "cluster")) == 8

    # Resumed: nothing to check again; --force checks all again, on the cluster.
    again = runner.invoke(
        main, [*common, "--out", str(tmp_path / "again"), "--scheduler", cluster.scheduler_address]
    )
    assert again.exit_code == 0 and "8 skipped" in again.output, again.output
    shutil.rmtree(tmp_path / "again")
    forced = runner.invoke(
        main,
        [
            *common,
            "--out",
            str(tmp_path / "again"),
            "--force",
            "--scheduler",
            cluster.scheduler_address,
        ],
    )
    assert forced.exit_code == 0 and "8 checked" in forced.output, forced.output
    assert not list(tmp_path.glob("*.db")) and not list(Path.cwd().glob("*.db"))
    with open_store(url) as store:
        assert store.counts()["documents"] > 0


def test_a_batch_on_the_cluster_refuses_an_sqlite_store(
    cluster, runner, articles: Path, tmp_path: Path
) -> None:
    db = tmp_path / "s.db"
    assert runner.invoke(main, ["ingest", "--db", str(db), str(ROOT / "sources")]).exit_code == 0
    result = runner.invoke(
        main, ["batch", "--db", str(db), "--scheduler", cluster.scheduler_address, str(articles)]
    )
    assert result.exit_code == 2
    assert "needs a PostgreSQL store" in result.output
