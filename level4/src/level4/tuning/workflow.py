"""The whole tuning run, step by step: search, pick on CV, estimate honestly, fit, score once.

1. Split the corpus with level 1's :func:`~level1.spam.corpus.heldout_split` (the same
   80/20 split, seed 0). Everything until step 6 sees the training part only.
2. Run each requested search method on the same repeated stratified folds, logging
   every trial to MLflow.
3. Pick the setting with the best CV MCC across the methods run.
4. Nested CV of the winning method: what the procedure is worth, and the optimism
   of its plain best CV score.
5. The threshold, from out-of-fold scores of the training part (blocked ham within
   budget); the validation and learning curves, and the diagnosis.
6. Fit the winner on the whole training part, score the held-out split once, save.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import FixedThresholdClassifier

from level0.atomic import atomic_write_text
from level1 import modelstore
from level1.spam.corpus import Corpus, corpus_sha256, heldout_split
from level4.tuning import space
from level4.tuning.diagnose import diagnose, learning, validation
from level4.tuning.evaluation import heldout_report
from level4.tuning.honest import nested_cv, oof_threshold, response_method
from level4.tuning.methods import METHODS, SearchResult, cv_splitter, run_search
from level4.tuning.plots import plot_curves, plot_fitting, plot_progress
from level4.tuning.scaleout import parallel

__all__ = ["TOOL", "Settings", "compare_table", "tune"]

TOOL = "level4.tuning"
CLOSE = 0.002  # "within 0.002 of grid search's best CV MCC"


@dataclass
class Settings:
    """How to tune: the budget in fits per method, the folds, the constraint, where to run."""

    budget: int = 120
    folds: int = 3
    repeats: int = 2
    seed: int = 0
    max_blocked_ham: float = 0.003
    nested: bool = True
    outer_folds: int = 3
    n_jobs: int | None = 2
    backend: str = "local"
    scheduler: str | None = None
    tracking_uri: str | None = None  # None: sqlite in the output folder; "" : no tracking
    cache: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def compare_table(results: list[SearchResult]) -> list[dict[str, Any]]:
    """Per method: cost, best CV MCC, and how it does against grid search's best on a third of its fits."""
    grid = next((r for r in results if r.method == "grid"), None)
    rows = []
    for result in results:
        row = result.summary()
        if grid is not None:
            third = grid.fits // 3
            row["grid_best_cv_mcc"] = grid.best.mean
            row["best_within_third_of_grid_fits"] = result.best_within(third)
            row["fits_to_within_0.002_of_grid"] = result.fits_to_reach(grid.best.mean - CLOSE)
        rows.append(row)
    return rows


def _write_json(path: Path, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, indent=2, default=str) + "\n")


def tune(
    corpus: Corpus,
    methods: list[str],
    out: Path,
    settings: Settings,
    log: Any = print,
) -> dict[str, Any]:
    """Run the whole tuning workflow; writes the model, figures and summary.json into ``out``."""
    unknown = sorted(set(methods) - set(METHODS))
    if unknown:
        raise ValueError(f"unknown method {unknown[0]!r}; choose from {', '.join(METHODS)}")
    train_idx, test_idx = heldout_split(corpus.labels, 0.2, 0)
    texts, labels = corpus.texts[train_idx], corpus.labels[train_idx]
    data_sha = corpus_sha256(texts, labels)
    cv = cv_splitter(settings.folds, settings.repeats, settings.seed)
    out.mkdir(parents=True, exist_ok=True)
    uri = settings.tracking_uri
    if uri is None:
        from level4.tuning.tracking import default_uri

        uri = default_uri(out)
    n_jobs = -1 if settings.backend == "dask" else settings.n_jobs
    use_cache = settings.cache and not settings.scheduler
    with (
        tempfile.TemporaryDirectory(prefix="level4-tuning-") as cache_dir,
        parallel(settings.backend, settings.scheduler),
    ):
        memory = cache_dir if use_cache else None
        results = []
        for method in methods:
            log(f"searching: {method}, budget {settings.budget} fits")
            result = run_search(
                method,
                texts,
                labels,
                budget=settings.budget,
                cv=cv,
                seed=settings.seed,
                n_jobs=n_jobs,
                memory=memory,
            )
            results.append(result)
            log(
                f"  {result.fits} fits in {result.seconds:.0f} s, best CV MCC {result.best.mean:.4f}"
            )
            if uri:
                from level4.tuning.tracking import log_search

                log_search(uri, result, data_sha, corpus.name)
        chosen = max(results, key=lambda r: r.best.mean)
        params = chosen.best_params
        log(f"chosen: {chosen.method}, {space.describe(params)}")
        nested = None
        if settings.nested:
            log(f"nested CV of {chosen.method} search ({settings.outer_folds} outer folds)")
            nested = nested_cv(
                chosen.method,
                texts,
                labels,
                budget=settings.budget,
                inner=cv,
                best_cv=chosen.best.mean,
                outer_folds=settings.outer_folds,
                seed=settings.seed,
                n_jobs=n_jobs,
                memory=memory,
            )
        log("threshold on out-of-fold scores; validation and learning curves")
        threshold, _ = oof_threshold(
            params,
            texts,
            labels,
            max_blocked_ham=settings.max_blocked_ham,
            seed=settings.seed,
            n_jobs=n_jobs,
        )
        knob = space.KNOB[space.flatten(params)["classifier"]]
        low, high = space.STRENGTH_RANGES[space.flatten(params)["classifier"]]
        strengths = np.geomspace(low, high, 6)
        pipeline = space.to_pipeline(params, memory)
        valid = validation(pipeline, texts, labels, f"classifier__{knob}", strengths, cv, n_jobs)
        learn = learning(pipeline, texts, labels, cv, n_jobs=n_jobs)
    diagnosis = diagnose(learn)
    model = FixedThresholdClassifier(
        space.to_pipeline(params),
        threshold=threshold,
        pos_label="spam",
        response_method=response_method(space.to_pipeline(params)),
    ).fit(texts, labels)
    test_texts, test_labels = corpus.texts[test_idx], corpus.labels[test_idx]
    scores = np.asarray(getattr(model, model.response_method)(test_texts))
    if scores.ndim == 2:
        scores = scores[:, list(model.classes_).index("spam")]
    heldout = heldout_report(test_labels, model.predict(test_texts), scores, threshold)
    title = f"{corpus.name}{' (synthetic)' if corpus.synthetic else ''}"
    figures = [
        plot_progress(
            results,
            out / "progress.png",
            f"Search progress on {title}, {cv.get_n_splits()} CV splits",
        ),
        plot_fitting(valid, learn, out / "fitting.png", f"{title}: {space.describe(params)}"),
        *plot_curves(test_labels, scores, threshold, out, f"{title} held-out split"),
    ]
    summary: dict[str, Any] = {
        "corpus": corpus.name,
        "synthetic": corpus.synthetic,
        "messages": len(corpus),
        "training_messages": len(train_idx),
        "heldout_messages": len(test_idx),
        "data_sha256": corpus.sha256,
        "training_sha256": data_sha,
        "cv": f"{settings.repeats}x repeated stratified {settings.folds}-fold",
        "budget": settings.budget,
        "backend": settings.backend,
        "methods": compare_table(results),
        "chosen": {
            "method": chosen.method,
            "setting": space.describe(params),
            "params": space.flatten(params),
            "cv_mcc": chosen.best.mean,
        },
        "nested": nested.to_dict() if nested else None,
        "threshold": threshold,
        "max_blocked_ham": settings.max_blocked_ham,
        "validation_curve": valid.to_dict(),
        "learning_curve": learn.to_dict(),
        "diagnosis": diagnosis.to_dict(),
        "heldout": heldout.to_dict(),
        "tracking_uri": uri or None,
        "figures": [str(f.name) for f in figures],
        **settings.extra,
    }
    modelstore.save(
        model,
        out / "model",
        tool=TOOL,
        metrics={"heldout": heldout.to_dict(), "cv_mcc": chosen.best.mean},
        data_sha256=corpus.sha256,
        extra={
            "corpus": corpus.name,
            "test_size": 0.2,
            "seed": 0,
            "threshold": threshold,
            "setting": space.describe(params),
        },
    )
    _write_json(out / "summary.json", summary)
    return summary


def sample_corpus(corpus: Corpus, rows: int, seed: int = 0) -> Corpus:
    """A stratified random sample of ``rows`` messages (kept in corpus order), for quick runs."""
    from sklearn.model_selection import train_test_split

    if rows >= len(corpus):
        return corpus
    keep, _ = train_test_split(
        np.arange(len(corpus)), train_size=rows, stratify=corpus.labels, random_state=seed
    )
    keep = np.sort(keep)
    return Corpus(
        corpus.name,
        corpus.texts[keep],
        corpus.labels[keep],
        corpus.duplicates_removed,
        corpus.synthetic,
    )


def _read_summary(folder: Path) -> dict[str, Any]:
    path = folder / "summary.json"
    if not path.is_file():
        raise modelstore.ModelError(
            f"{folder} holds no summary.json; run search or compare with -o {folder}"
        )
    try:
        summary = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise modelstore.ModelError(
            f"{path} is not valid JSON ({exc}); re-run the search"
        ) from None
    if not isinstance(summary, dict) or "heldout" not in summary:
        raise modelstore.ModelError(f"{path} is not a level4.tuning summary")
    return summary


def evaluate_saved(folder: Path, corpus_name: str | None = None) -> dict[str, Any]:
    """Score a tuned model: on its held-out split, or on all of another corpus."""
    from level1.spam.corpus import load_corpus

    summary = _read_summary(folder)
    saved = modelstore.load(folder / "model", tool=TOOL)
    name = corpus_name or summary["corpus"]
    corpus = load_corpus(name)
    if name == summary["corpus"] and summary.get("sample"):
        corpus = sample_corpus(corpus, int(summary["sample"]))
    model = saved.model
    if corpus.sha256 == saved.metadata.get("data_sha256"):
        _, test_idx = heldout_split(corpus.labels, 0.2, 0)
        texts, labels = corpus.texts[test_idx], corpus.labels[test_idx]
        scope, prefix = f"held-out split of {corpus.name} (never used to choose anything)", ""
    else:
        texts, labels = corpus.texts, corpus.labels
        scope, prefix = (
            f"whole {corpus.name} corpus (the model was tuned on other data)",
            f"{name}_",
        )
    scores = np.asarray(getattr(model, model.response_method)(texts))
    if scores.ndim == 2:
        scores = scores[:, list(model.classes_).index("spam")]
    result = heldout_report(labels, model.predict(texts), scores, float(model.threshold))
    title = scope.split(" (")[0]
    figures = plot_curves(labels, scores, float(model.threshold), folder, title, prefix)
    same = not prefix
    return {
        "scope": scope,
        "report": result.to_dict(),
        "summary": {**summary, "heldout": result.to_dict()} if same else None,
        "figures": [f.name for f in figures],
    }
