"""A photo goes through the same preprocessing as the dataset and gets three ranked guesses."""

import numpy as np
from PIL import Image, ImageDraw

from level6.products.data import CLASSES
from level6.products.predict import photo_to_input, predict_photo


def test_a_dark_item_on_white_becomes_a_light_item_on_black(tmp_path):
    path = tmp_path / "bag.png"
    image = Image.new("L", (90, 60), 255)
    ImageDraw.Draw(image).rectangle((10, 15, 80, 50), fill=30)
    image.save(path)
    pixels = photo_to_input(path)
    assert pixels.shape == (1, 28, 28, 1)
    assert pixels[0, 14, 14, 0] > 0.8  # the item is light
    assert pixels[0, 0, 0, 0] == 0.0  # the background is black
    assert pixels[0, :, 0, 0].max() > 0.5  # the longer side fills the width


def test_predict_photo_returns_three_ranked_guesses(tiny, tmp_path):
    path = tmp_path / "item.png"
    image = Image.new("RGB", (100, 160), "white")
    ImageDraw.Draw(image).rectangle((25, 10, 75, 150), fill="navy")
    image.save(path)
    guesses = predict_photo(tiny[1].model, path)
    assert [g.label in CLASSES for g in guesses] == [True] * 3
    assert np.all(np.diff([g.probability for g in guesses]) <= 0)
