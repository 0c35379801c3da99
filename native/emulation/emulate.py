#!/usr/bin/env python3
"""Compiles native/src/sprint_model.cu for the CPU (cuda_emulation.h, launches rewritten) and
checks it against the golden vectors: weights via sc_read_weights, then digests and every layer
hash of the first full-coverage cases, all through the real C ABI.

    python3 native/emulation/emulate.py [golden.json] [cases]

Needs g++ >= 11 (C++20 <barrier>). Tokens and the Philox key are recomputed here in Python from
docs/sprint-model.md (testfixtures/python/sprint_model_v1.py)."""
import ctypes
import hashlib
import os
import re
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "inference-runtime", "testfixtures", "python"))
import sprint_model_v1 as spec  # noqa: E402
import json  # noqa: E402


def build(workdir):
    src = open(os.path.join(HERE, "..", "src", "sprint_model.cu")).read()
    src = src.replace("#include <cuda_runtime.h>", '#include "cuda_emulation.h"')
    # kernel<<<grid, block>>>(args);  ->  EMU_LAUNCH(kernel, grid, block, args);
    src = re.sub(r"(\w+)<<<(.+?),\s*([^,>]+?)>>>\((.*?)\);",
                 lambda m: "EMU_LAUNCH(%s, %s, %s, %s);" % (m.group(1), m.group(2), m.group(3), m.group(4)),
                 src, flags=re.S)
    cpp = os.path.join(workdir, "sprint_model_emu.cpp")
    open(cpp, "w").write(src)
    lib = os.path.join(workdir, "libsprintmodel_emu.so")
    subprocess.run(["g++", "-std=c++20", "-O1", "-shared", "-fPIC", "-Wall", "-Wno-unused-function",
                    "-I", HERE, "-I", os.path.join(HERE, "..", "src"), cpp, "-o", lib, "-pthread"],
                   check=True)
    return ctypes.CDLL(lib)


def main(path=None, ncases="2"):
    path = path or os.path.join(ROOT, "inference-runtime", "testfixtures", "src", "main", "resources",
                                "org", "sprintchain", "model", "golden", "tiny.json")
    g = json.load(open(path))
    p = g["params"]
    D, L, H, F, T, V = p["dModel"], p["layers"], p["heads"], p["dFf"], p["seqLen"], p["vocab"]
    with tempfile.TemporaryDirectory() as tmp:
        lib = build(tmp)
        lib.sc_load.restype = ctypes.c_void_p
        lib.sc_last_error.restype = ctypes.c_char_p
        lib.sc_forward.argtypes = [ctypes.c_void_p] + [ctypes.c_void_p, ctypes.c_int] + [ctypes.c_void_p] * 2
        lib.sc_read_weights.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.c_int64, ctypes.c_int32, ctypes.c_void_p]
        lib.sc_free.argtypes = [ctypes.c_void_p]
        cases = g["cases"][: int(ncases)]
        seed = bytes.fromhex(cases[0]["seed"])
        k = hashlib.sha256(b"sprintchain/model/v1/weights" + seed).digest()
        key = [struct.unpack_from("<i", k, o)[0] for o in (0, 4, 8)]
        model = lib.sc_load(D, L, H, F, T, V, key[0], key[1], key[2], len(cases))
        assert model, lib.sc_last_error()
        for wc in g["weights"]:
            if wc["seed"] != cases[0]["seed"]:
                continue
            out = (ctypes.c_int8 * 1)()
            assert lib.sc_read_weights(model, wc["tensor"], wc["element"], 1, out) == 0, lib.sc_last_error()
            assert out[0] == wc["value"], (wc, out[0])
        print("weights ok")
        same_seed = [c for c in cases if c["seed"] == cases[0]["seed"]]
        toks = []
        for c in same_seed:
            toks += spec.tokens(p, seed, bytes.fromhex(c["pubkey"]), c["nonce"])
        b = len(same_seed)
        tok_buf = (ctypes.c_int32 * len(toks))(*toks)
        pooled = (ctypes.c_int32 * (b * D))()
        resid = (ctypes.c_int32 * (b * (L + 1) * T * D))()
        rc = lib.sc_forward(model, tok_buf, b, pooled, resid)
        assert rc == 0, lib.sc_last_error()
        for i, c in enumerate(same_seed):
            digest = hashlib.sha256(struct.pack("<%di" % D, *pooled[i * D:(i + 1) * D])).hexdigest()
            hashes = []
            for l in range(L + 1):
                off = (i * (L + 1) + l) * T * D
                hashes.append(hashlib.sha256(struct.pack("<%di" % (T * D), *resid[off:off + T * D])).hexdigest())
            assert hashes == c["layerHashes"], ("layer hashes differ", i)
            assert digest == c["digest"], (digest, c["digest"])
            print("ok", g["preset"], "nonce", c["nonce"], digest)
        lib.sc_free(model)


if __name__ == "__main__":
    main(*sys.argv[1:])
