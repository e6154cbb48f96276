"""Draw a digit with the mouse and watch the model's probabilities change (Tk).

The strokes go to two places at once: the Tk canvas you see, and a Pillow image of the
same size in memory, because a Tk canvas cannot hand its pixels back. When the mouse
button is released, the Pillow image goes through the same preprocessing as
``predict IMAGE.png`` and the bars show the ten probabilities.
"""

from __future__ import annotations

import tkinter as tk

import numpy as np
from numpy.typing import NDArray

from level6.digits.models import DigitModel
from level6.digits.predict import predict_grey
from level6.images import ImageError

__all__ = ["DrawingPad"]

SIZE = 280  # ten screen pixels per MNIST pixel
PEN = 11  # pen radius: strokes about as thick, relative to the digit, as MNIST's


class DrawingPad:
    """The window: a canvas to draw on, a bar per digit, and a Clear button."""

    def __init__(self, root: tk.Tk, model: DigitModel) -> None:
        from PIL import Image, ImageDraw

        self.root, self.model = root, model
        root.title("level6.digits: draw a digit")
        self.canvas = tk.Canvas(root, width=SIZE, height=SIZE, bg="white", cursor="pencil")
        self.canvas.grid(row=0, column=0, padx=8, pady=8)
        self.bars = tk.Canvas(root, width=220, height=SIZE, bg="white")
        self.bars.grid(row=0, column=1, padx=8, pady=8)
        self.answer = tk.StringVar(value="draw a digit, then let go of the button")
        tk.Label(root, textvariable=self.answer, font=("TkDefaultFont", 12)).grid(
            row=1, column=0, columnspan=2
        )
        tk.Button(root, text="Clear", command=self.clear).grid(
            row=2, column=0, columnspan=2, pady=6
        )
        self.image = Image.new("L", (SIZE, SIZE), 255)
        self.pen = ImageDraw.Draw(self.image)
        self.probabilities: NDArray[np.float64] | None = None
        self.canvas.bind("<ButtonPress-1>", self._stroke)
        self.canvas.bind("<B1-Motion>", self._stroke)
        self.canvas.bind("<ButtonRelease-1>", lambda _event: self.predict())
        self._draw_bars(np.zeros(10))

    def _stroke(self, event: tk.Event) -> None:
        x, y = event.x, event.y
        box = (x - PEN, y - PEN, x + PEN, y + PEN)
        self.canvas.create_oval(*box, fill="black", outline="black")
        self.pen.ellipse(box, fill=0)

    def predict(self) -> NDArray[np.float64] | None:
        """Classify what is drawn, update the bars and the answer; None if nothing is."""
        grey = np.asarray(self.image, dtype=np.float64) / 255.0
        try:
            probabilities = predict_grey(self.model, grey)
        except ImageError:
            self.answer.set("nothing drawn yet")
            return None
        self.probabilities = probabilities
        best = int(probabilities.argmax())
        self.answer.set(f"I read a {best} ({probabilities[best]:.0%} sure)")
        self._draw_bars(probabilities)
        return probabilities

    def clear(self) -> None:
        self.canvas.delete("all")
        self.pen.rectangle((0, 0, SIZE, SIZE), fill=255)
        self.probabilities = None
        self.answer.set("draw a digit, then let go of the button")
        self._draw_bars(np.zeros(10))

    def _draw_bars(self, probabilities: NDArray[np.float64]) -> None:
        self.bars.delete("all")
        row = SIZE / 10
        for digit, p in enumerate(probabilities):
            top = digit * row + 3
            self.bars.create_text(12, top + row / 2 - 3, text=str(digit))
            self.bars.create_rectangle(
                25, top, 25 + 150 * p, top + row - 8, fill="#f28e2b", width=0
            )
            self.bars.create_text(210, top + row / 2 - 3, text=f"{p:.0%}", anchor="e")
