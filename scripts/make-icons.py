#!/usr/bin/env python3
"""Draws the app's icons: a white map pin with an amber centre on the dark blue of the header.

Python 3.11 standard library only (zlib + struct write the PNGs). Writes, under public/icons/:
  icon-192.png, icon-512.png          purpose "any": a rounded square, transparent corners;
  maskable-192.png, maskable-512.png  purpose "maskable": full bleed, the pin inside the central
                                      safe zone (a circle of 40% of the size around the centre).
The PNGs are committed; rerun this only to change the design:  python3 scripts/make-icons.py
"""

import math
import struct
import zlib
from pathlib import Path

BLUE = (0x13, 0x26, 0x3B)  # the header's background
WHITE = (0xFF, 0xFF, 0xFF)
AMBER = (0xF2, 0xA9, 0x00)  # the focus colour of the stylesheet
SAMPLES = 4  # anti-aliasing: SAMPLES x SAMPLES points per pixel

OUT = Path(__file__).resolve().parent.parent / "public" / "icons"


def inside_rounded_square(x, y, radius):
    """Whether (x, y), in units of the icon's size, is inside a rounded square filling it."""
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def pin(scale):
    """A map pin centred on the icon: a circle with a point below, `scale` times the base size.
    Returns a function telling which colour a point has (None: background)."""
    cx, cy, r, tip = 0.5, 0.5 - 0.08 * scale, 0.17 * scale, 0.5 + 0.24 * scale
    dot = 0.07 * scale
    d = tip - cy
    chord = cy + r * r / d  # height of the two points where the sides touch the circle
    half_angle = math.asin(r / d)

    def colour(x, y):
        dx, dy = x - cx, y - cy
        if dx * dx + dy * dy <= dot * dot:
            return AMBER
        if dx * dx + dy * dy <= r * r:
            return WHITE
        if chord <= y <= tip and abs(x - cx) <= (tip - y) * math.tan(half_angle):
            return WHITE
        return None

    return colour


def render(size, maskable):
    mark = pin(1.0 if maskable else 1.15)
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type 0 (none) for each scanline
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) / size
                    y = (py + (sy + 0.5) / SAMPLES) / size
                    if not maskable and not inside_rounded_square(x, y, 0.18):
                        continue  # transparent corner
                    colour = mark(x, y) or BLUE
                    acc[0] += colour[0]
                    acc[1] += colour[1]
                    acc[2] += colour[2]
                    acc[3] += 255
            n = SAMPLES * SAMPLES
            alpha = acc[3] / n
            if alpha == 0:
                row += bytes(4)
            else:
                # Colours are averaged over the covered samples only (straight alpha).
                covered = acc[3] / 255
                row += bytes(round(c / covered) for c in acc[:3]) + bytes([round(alpha)])
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width, height, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        for maskable, name in ((False, "icon"), (True, "maskable")):
            path = OUT / f"{name}-{size}.png"
            path.write_bytes(render(size, maskable))
            print(f"wrote {path.relative_to(OUT.parent.parent)}")


if __name__ == "__main__":
    main()
