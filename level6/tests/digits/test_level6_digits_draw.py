"""The drawing canvas under a real X display (Xvfb): draw with mouse events, read the bars."""

import pytest

from level0.testing import skip_or_fail_in_ci

tk = pytest.importorskip("tkinter", reason="this Python has no tkinter")


@pytest.fixture
def pad(x_display, mlp_dir):
    from level6.digits import load_model
    from level6.digits.draw import DrawingPad

    try:
        root = tk.Tk()
    except tk.TclError as exc:
        skip_or_fail_in_ci(f"no usable display: {exc}")
    pad = DrawingPad(root, load_model(mlp_dir))
    root.update()
    yield pad
    root.destroy()


def _stroke(pad, points):
    first, *rest = points
    pad.canvas.event_generate("<ButtonPress-1>", x=first[0], y=first[1])
    for x, y in rest:
        pad.canvas.event_generate("<B1-Motion>", x=x, y=y)
    pad.canvas.event_generate("<ButtonRelease-1>", x=rest[-1][0], y=rest[-1][1])
    pad.root.update()


def test_a_drawn_one_is_read_as_a_one(pad):
    _stroke(pad, [(140, y) for y in range(50, 231, 5)])
    assert pad.probabilities is not None
    assert pad.probabilities.sum() == pytest.approx(1.0)
    assert pad.probabilities.argmax() == 1
    assert pad.answer.get().startswith("I read a 1")


def test_clear_forgets_the_drawing(pad):
    _stroke(pad, [(100, 100), (180, 180)])
    pad.clear()
    assert pad.probabilities is None
    assert pad.predict() is None
    assert pad.answer.get() == "nothing drawn yet"
