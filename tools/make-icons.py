#!/usr/bin/env python3
"""Draws netprune's toolbar icons as PNGs with no imaging library.

The mark: a rounded square in deep teal holding a small network of three
nodes, one link cut (a gap with an amber dot): a network being pruned. Drawn at 4x and
box-filtered down so edges are smooth at 16 px.

    python3 tools/make-icons.py extension/icons
"""
import math
import struct
import sys
import zlib

BG = (14, 94, 111)
FG = (255, 255, 255)
CUT = (255, 196, 87)


def draw(size):
    ss = 4
    n = size * ss
    px = [[(0, 0, 0, 0)] * n for _ in range(n)]
    r = n * 0.22

    def inside_rounded(x, y):
        cx = min(max(x, r), n - r)
        cy = min(max(y, r), n - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

    def seg_dist(x, y, a, b):
        (ax, ay), (bx, by) = a, b
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        return math.hypot(x - (ax + t * dx), y - (ay + t * dy))

    a = (n * 0.30, n * 0.34)
    b = (n * 0.70, n * 0.34)
    c = (n * 0.50, n * 0.72)
    node = n * 0.10
    line = n * 0.045
    for y in range(n):
        for x in range(n):
            fx, fy = x + 0.5, y + 0.5
            if not inside_rounded(fx, fy):
                continue
            colour = BG
            if seg_dist(fx, fy, a, b) <= line:
                colour = FG
            # The a-c edge is cut halfway: the pruned link.
            mid = ((a[0] + c[0]) / 2, (a[1] + c[1]) / 2)
            if seg_dist(fx, fy, b, c) <= line:
                colour = FG
            if seg_dist(fx, fy, a, c) <= line:
                colour = FG if math.hypot(fx - mid[0], fy - mid[1]) > n * 0.09 else BG
            if math.hypot(fx - mid[0], fy - mid[1]) <= n * 0.035:
                colour = CUT
            for p in (a, b):
                if math.hypot(fx - p[0], fy - p[1]) <= node:
                    colour = FG
            if math.hypot(fx - c[0], fy - c[1]) <= node:
                colour = FG
            px[y][x] = (*colour, 255)
    out = []
    for y in range(size):
        row = []
        for x in range(size):
            acc = [0, 0, 0, 0]
            for dy in range(ss):
                for dx in range(ss):
                    p = px[y * ss + dy][x * ss + dx]
                    for i in range(3):
                        acc[i] += p[i] * p[3]
                    acc[3] += p[3]
            alpha = acc[3] / (ss * ss)
            rgb = [round(acc[i] / acc[3]) if acc[3] else 0 for i in range(3)]
            row.append((*rgb, round(alpha)))
        out.append(row)
    return out


def png(pixels):
    h = len(pixels)
    w = len(pixels[0])
    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "extension/icons"
    for size in (16, 32, 48, 128):
        with open(f"{folder}/icon-{size}.png", "wb") as f:
            f.write(png(draw(size)))
