"""Regenerates IntegerGelu.ERF_Q40: erf on [0, 5) as 20 segments of width 1/4, each a degree-7
polynomial in the offset u from the segment start, Q40 coefficients, least squares on Chebyshev
nodes. Prints the Java rows and the max error of the integer evaluation (u in Q32, Horner with a
half-up round after each multiply, result rounded to Q32). Needs numpy."""
import math
import numpy as np

SEG, W, DEG, FR = 20, 0.25, 7, 40


def rs(v, s):
    return (v + (1 << (s - 1))) >> s


rows, worst = [], 0.0
for k in range(SEG):
    c = k * W
    u = (np.cos(np.linspace(0, math.pi, 400)) * 0.5 + 0.5) * W
    sol = np.linalg.lstsq(np.vander(u, DEG + 1, increasing=True),
                          np.array([math.erf(c + x) for x in u]), rcond=None)[0]
    ci = [int(round(x * 2 ** FR)) for x in sol]
    rows.append(ci)
    for uu in np.linspace(0, W, 1001)[:-1]:
        uq = int(round(uu * 2 ** 32))
        acc = ci[DEG]
        for i in range(DEG - 1, -1, -1):
            acc = rs(acc * uq, 32) + ci[i]
        worst = max(worst, abs(rs(acc, 8) / 2 ** 32 - math.erf(c + uq / 2 ** 32)))
for r in rows:
    print("    {" + ", ".join("%dL" % x for x in r) + "},")
print("// max error", worst)
