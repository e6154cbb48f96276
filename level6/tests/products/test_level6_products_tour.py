"""The tour step trains a short run and writes its two plots (sizes shrunk for the test)."""

from level6.products import tour


def test_tour_reports_a_short_run_and_writes_plots(fmnist, tmp_path, monkeypatch):
    monkeypatch.setattr(tour, "TOUR_IMAGES", 300)
    monkeypatch.setattr(tour, "TOUR_EPOCHS", 1)
    result = tour.run(tmp_path)
    assert result.key_result.startswith("short run: 300 images, 1 epochs, test accuracy")
    assert [path.name for path in result.files] == [
        "products_confusion.png",
        "products_saliency.png",
    ]
    assert all(path.is_file() for path in result.files)
