"""A photo is not an MNIST image: preprocessing must make it one."""

import numpy as np
import pytest
from PIL import Image

from level6.digits import as_mnist, load_model, predict_image
from level6.images import ImageError


def _as_photo(digit, rng):
    """An MNIST digit as a phone photo of ink on paper: dark on light, larger, off-centre,
    with a little paper texture."""
    scale = int(rng.integers(4, 9))
    big = np.kron(1.0 - digit, np.ones((scale, scale)))
    height, width = 28 * scale + 160, 28 * scale + 240
    paper = 0.92 + 0.04 * rng.random((height, width))
    top, left = int(rng.integers(0, 160)), int(rng.integers(0, 240))
    paper[top : top + big.shape[0], left : left + big.shape[1]] *= big
    return paper


def test_photos_of_test_digits_are_read_almost_as_well_as_the_originals(mlp_dir, digits):
    model = load_model(mlp_dir)
    rng = np.random.default_rng(0)
    originals = digits.test_images[:200]
    photos = np.stack([as_mnist(_as_photo(d, rng)) for d in originals])
    truth = digits.test_labels[:200]
    on_originals = (model.predict_proba(originals).argmax(axis=1) == truth).mean()
    on_photos = (model.predict_proba(photos).argmax(axis=1) == truth).mean()
    assert on_photos >= on_originals - 0.03


def test_predict_reads_an_image_file(mlp_dir, digits, tmp_path):
    model = load_model(mlp_dir)
    rng = np.random.default_rng(1)
    index = int(np.flatnonzero(digits.test_labels == 7)[0])
    path = tmp_path / "seven.png"
    Image.fromarray((_as_photo(digits.test_images[index], rng) * 255).astype(np.uint8)).convert(
        "RGB"
    ).save(path)
    probabilities = predict_image(model, path)
    assert probabilities.shape == (10,)
    assert probabilities.argmax() == 7


@pytest.mark.parametrize(
    ("content", "message"), [(b"not an image", "not an image"), (None, "blank")]
)
def test_unusable_images_are_refused_in_one_line(mlp_dir, tmp_path, content, message):
    path = tmp_path / "x.png"
    if content is None:
        Image.new("L", (50, 50), 255).save(path)
    else:
        path.write_bytes(content)
    with pytest.raises(ImageError, match=message):
        predict_image(load_model(mlp_dir), path)
