#!/usr/bin/env python3
"""An independent implementation of docs/sprint-model.md (spec sprintchain/model/v1), written
from the document rather than from the Java code, in plain Python (no numpy). It checks that the
spec is precise enough for a third implementation:

    python3 sprint_model_v1.py ../src/main/resources/org/sprintchain/model/golden/tiny.json

It checks tokens and layer hash 0 for every case and the full digest and layer hashes for
full-coverage files (tiny takes a few seconds per case in CPython).
"""
import hashlib
import json
import math
import struct
import sys

M32 = 0xFFFFFFFF


def philox(c, k):
    c0, c1, c2, c3 = c
    k0, k1 = k
    for rnd in range(10):
        if rnd:
            k0 = (k0 + 0x9E3779B9) & M32
            k1 = (k1 + 0xBB67AE85) & M32
        p0 = 0xD2511F53 * c0
        p1 = 0xCD9E8D57 * c2
        c0, c1, c2, c3 = (p1 >> 32) ^ c1 ^ k0, p1 & M32, (p0 >> 32) ^ c3 ^ k1, p0 & M32
    return c0, c1, c2, c3


def le32(b, i):
    return struct.unpack_from("<I", b, i)[0]


def isqrt(n):
    assert n >= 0
    return math.isqrt(n)  # exact floor square root


def round_shift(v, s):
    return (v + (1 << (s - 1))) >> s


def clamp(v):
    return max(-127, min(127, v))


EXP2_Q30 = []
for f in range(16):
    v = 1 << (480 - f)
    for _ in range(4):
        v = isqrt(v)
    EXP2_Q30.append(v)


class Weights:
    def __init__(self, seed):
        k = hashlib.sha256(b"sprintchain/model/v1/weights" + seed).digest()
        self.k = (le32(k, 0), le32(k, 4))
        self.c3 = le32(k, 8)

    def elems(self, tensor, first, n):
        out = []
        for e in range(first, first + n):
            b = e >> 2
            w = philox((b & M32, b >> 32, tensor & M32, self.c3), self.k)[e & 3]
            out.append(w % 255 - 127)
        return out

    def matrix(self, tensor, rows, cols):
        flat = self.elems(tensor, 0, rows * cols)
        return [flat[r * cols:(r + 1) * cols] for r in range(rows)]


def tokens(p, seed, pubkey, nonce):
    i = hashlib.sha256(b"sprintchain/model/v1/input" + seed + struct.pack("<I", len(pubkey))
                       + pubkey + struct.pack("<Q", nonce)).digest()
    return [philox((t, 0, le32(i, 8), le32(i, 12)), (le32(i, 0), le32(i, 4)))[0] % p["vocab"]
            for t in range(p["seqLen"])]


def h_ints(x):
    return hashlib.sha256(b"".join(struct.pack("<i", v) for row in x for v in row)).hexdigest()


def rms_norm(x):
    out = []
    for row in x:
        ms = sum(v * v for v in row) // len(row)
        r = max(1, isqrt(ms))
        gain = (32 << 24) // r
        out.append([clamp(round_shift(v * gain, 24)) for v in row])
    return out


def linear(a, w):
    k = len(w[0])
    m = (1 << 24) // (70 * isqrt(k))
    return [[clamp(round_shift(sum(x * y for x, y in zip(row, wr)) * m, 24)) for wr in w]
            for row in a]


def softmax_row(s, dh):
    m = max(s)
    div = 44 * isqrt(dh)
    e = []
    for v in s:
        u = min(256, (m - v) // div)
        e.append(0 if u >= 256 else EXP2_Q30[u % 16] >> (15 + u // 16))
    r = (1 << 31) // sum(e)
    return [(x * 127 * r + (1 << 30)) >> 31 for x in e]


def run(p, seed, pubkey, nonce, full):
    D, L, H, F, T = p["dModel"], p["layers"], p["heads"], p["dFf"], p["seqLen"]
    dh = D // H
    w = Weights(seed)
    tok = tokens(p, seed, pubkey, nonce)
    x = [[a + b for a, b in zip(w.elems(1, t_ * D, D), w.elems(2, t * D, D))]
         for t, t_ in enumerate(tok)]
    hashes = [h_ints(x)]
    if not full:
        return tok, None, hashes
    for l in range(L):
        wq, wk, wv, wo = (w.matrix(256 * (l + 1) + kind, D, D) for kind in range(4))
        w1 = w.matrix(256 * (l + 1) + 4, F, D)
        w2 = w.matrix(256 * (l + 1) + 5, D, F)
        a = rms_norm(x)
        q, k, v = linear(a, wq), linear(a, wk), linear(a, wv)
        o = [[0] * D for _ in range(T)]
        for h in range(H):
            cols = range(h * dh, (h + 1) * dh)
            for i in range(T):
                s = [sum(q[i][c] * k[j][c] for c in cols) for j in range(T)]
                pr = softmax_row(s, dh)
                for c in cols:
                    o[i][c] = clamp(round_shift(sum(pr[j] * v[j][c] for j in range(T)) * 516, 16))
        x = [[xv + dv for xv, dv in zip(xr, dr)] for xr, dr in zip(x, linear(o, wo))]
        a = rms_norm(x)
        g = [[(max(v_, 0) ** 2 + 64) >> 7 for v_ in row] for row in linear(a, w1)]
        x = [[xv + dv for xv, dv in zip(xr, dr)] for xr, dr in zip(x, linear(g, w2))]
        hashes.append(h_ints(x))
    y = rms_norm(x)
    pooled = [sum(y[t][c] for t in range(T)) for c in range(D)]
    digest = hashlib.sha256(b"".join(struct.pack("<i", v) for v in pooled)).hexdigest()
    return tok, digest, hashes


def main(path, limit=None):
    g = json.load(open(path))
    full = g["coverage"] == "full"
    assert philox((0, 0, 0, 0), (0, 0)) == (0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8)
    for wc in g["weights"]:
        got = Weights(bytes.fromhex(wc["seed"])).elems(wc["tensor"], wc["element"], 1)[0]
        assert got == wc["value"], wc
    cases = g["cases"][: int(limit)] if limit else g["cases"]
    for c in cases:
        tok, digest, hashes = run(g["params"], bytes.fromhex(c["seed"]),
                                  bytes.fromhex(c["pubkey"]), c["nonce"], full)
        assert tok[: len(c["tokensHead"])] == c["tokensHead"], (tok[:8], c["tokensHead"])
        assert hashes == c["layerHashes"][: len(hashes)], "layer hashes differ"
        if full:
            assert digest == c["digest"], (digest, c["digest"])
        print("ok", g["preset"], c["nonce"], digest or hashes[0])


if __name__ == "__main__":
    main(*sys.argv[1:])
