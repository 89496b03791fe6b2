"""Independent reference for `bench analyze`: writes a COMTRADE 1999 ASCII record (IEEE C37.111 layout written from
the standard, sharing no code with Bench) of an unbalanced, distorted three-phase system, then computes the figures
with numpy alone and prints them as JSON. Usage:
  numpy_figures.py OUT.cfg WIRING(3P4W|3P3W) F_HZ RATE_HZ SECONDS
3P4W writes UA/UB/UC (phase-to-neutral) and IA/IB/IC; 3P3W writes U12/U23/U31 (phase-to-phase) and IA/IB/IC.
numpy's figures come from the written (rounded) samples over the first 20..50 whole cycles: RMS, P = mean(u·i) per
phase, Q1 from the fundamental DFT bin of the exact-cycle window, totals per IEEE 1459 (P and Q1 summed, Se from Ve
and Ie), THD of U1 from harmonic bins 2..50, and f from a linear fit of the rising zero crossings."""
import json, sys
import numpy as np

out, wiring = sys.argv[1], sys.argv[2]
f, rate, seconds = map(float, sys.argv[3:6])
n = int(round(seconds * rate))
t = np.arange(n) / rate
mag = [230.0, 226.0, 233.0]          # unbalanced magnitudes
ang = [0.0, -121.0, 119.0]           # and angles (degrees)
cur = [5.0, 4.0, 6.0]
lag = [30.0, 10.0, -20.0]            # current lag per phase (negative = leading)
h5, h7 = 0.04, 0.02                  # 5th and 7th harmonic voltage content (fraction of fundamental)
def wave(rms, deg, lag_deg=0.0, harmonics=True):
    a = 2 * np.pi * f * t + np.radians(deg - lag_deg)
    x = np.sin(a)
    if harmonics:
        x = x + h5 * np.sin(5 * a) + h7 * np.sin(7 * a + 0.5)
    return np.sqrt(2) * rms * x
u = [wave(mag[k], ang[k]) for k in range(3)]
i = [wave(cur[k], ang[k], lag[k], harmonics=False) + 0.1 * cur[k] * np.sqrt(2) * np.sin(3 * (2 * np.pi * f * t + np.radians(ang[k]))) for k in range(3)]
if wiring == "3P3W":
    # The three currents must sum to zero without a neutral: remove the zero-sequence part.
    i0 = (i[0] + i[1] + i[2]) / 3
    i = [x - i0 for x in i]
    volts = [("U12", "A", u[0] - u[1]), ("U23", "B", u[1] - u[2]), ("U31", "C", u[2] - u[0])]
else:
    volts = [("UA", "A", u[0]), ("UB", "B", u[1]), ("UC", "C", u[2])]
chans = volts + [("I" + ph, ph, x) for ph, x in zip("ABC", i)]
units = ["V"] * 3 + ["A"] * 3

# ASCII data: integers with a per-channel multiplier a (value = a·x + b), as a recorder would store them.
scales = [float(np.max(np.abs(x))) / 99999 for _, _, x in chans]
codes = [np.round(x / a).astype(np.int64) for (_, _, x), a in zip(chans, scales)]
lines = ["NUMPY-REF,numpy-figures,1999", "%d,%dA,0D" % (len(chans), len(chans))]
for idx, ((name, ph, _), unit, a) in enumerate(zip(chans, units, scales), 1):
    lines.append("%d,%s,%s,,%s,%.12g,0,0,-99999,99999,1,1,P" % (idx, name, ph, unit, a))
lines += ["60" if f > 55 else "50", "1", "%.12g,%d" % (rate, n), "27/11/2026,09:00:00.000000", "27/11/2026,09:00:00.000000", "ASCII", "1"]
open(out, "w", newline="").write("\r\n".join(lines) + "\r\n")
with open(out[:-4] + ".dat", "w", newline="") as d:
    for s in range(n):
        d.write("%d,%d," % (s + 1, int(round(s / rate * 1e6))) + ",".join(str(int(c[s])) for c in codes) + "\r\n")

# numpy's figures from the stored samples.
x = [c * a for c, a in zip(codes, scales)]
per_cycle = rate / f
# The window: the whole number of cycles (20..50) that comes closest to a whole number of samples.
cycles = min(range(20, 51), key=lambda c: abs(c * per_cycle - round(c * per_cycle)))
m = int(round(cycles * per_cycle))
win = lambda y: y[:m]
rms = lambda y: float(np.sqrt(np.mean(win(y) ** 2)))
def phasor(y, order=1):
    # DFT bin of order h over the window (m samples, within a small fraction of a sample of whole cycles).
    k = np.arange(m)
    return np.sqrt(2) / m * np.sum(win(y) * np.exp(-2j * np.pi * order * f * k / rate))
U, I = x[:3], x[3:]
res = {"phases": []}
if wiring == "3P4W":
    for k in range(3):
        p = float(np.mean(win(U[k]) * win(I[k])))
        q1 = float(np.imag(np.conj(phasor(I[k])) * phasor(U[k])))
        u1 = abs(phasor(U[k]))
        thd = 100 * np.sqrt(sum(abs(phasor(U[k], h)) ** 2 for h in range(2, 51))) / u1
        res["phases"].append({"uRmsV": rms(U[k]), "iRmsA": rms(I[k]), "pW": p, "qVar": q1, "sVA": rms(U[k]) * rms(I[k]), "thdUPercent": float(thd)})
    ptot = sum(ph["pW"] for ph in res["phases"])
    qtot = sum(ph["qVar"] for ph in res["phases"])
    # IEEE 1459 4-wire: Ve² = (3·ΣUk² + ΣUkl²)/18, Ie² = (ΣIk² + In²)/3, Se = 3·Ve·Ie.
    ull2 = sum(rms(U[k] - U[(k + 1) % 3]) ** 2 for k in range(3))
    ve = np.sqrt((3 * sum(rms(y) ** 2 for y in U) + ull2) / 18)
    ie = np.sqrt((sum(rms(y) ** 2 for y in I) + rms(I[0] + I[1] + I[2]) ** 2) / 3)
else:
    # Aron: p = u13·i1 + u23·i2 = −u31·i1 + u23·i2 (with i1 + i2 + i3 = 0).
    ptot = float(np.mean(-win(U[2]) * win(I[0]) + win(U[1]) * win(I[1])))
    qtot = float(np.imag(np.conj(phasor(I[0])) * -phasor(U[2])) + np.imag(np.conj(phasor(I[1])) * phasor(U[1])))
    for k in range(3):
        res["phases"].append({"uRmsV": rms(U[k]), "iRmsA": rms(I[k])})
    # IEEE 1459 3-wire: Ve² = ΣUkl²/9, Ie² = ΣIk²/3.
    ve = np.sqrt(sum(rms(y) ** 2 for y in U) / 9)
    ie = np.sqrt(sum(rms(y) ** 2 for y in I) / 3)
se = float(3 * ve * ie)
res["totals"] = {"pW": ptot, "qVar": qtot, "sVA": se, "pf": ptot / se}
ref = U[0]
rising = np.where((ref[:-1] < 0) & (ref[1:] >= 0))[0]
crossings = (rising + ref[rising] / (ref[rising] - ref[rising + 1])) / rate
res["frequencyHz"] = float(1 / np.polyfit(np.arange(len(crossings)), crossings, 1)[0])
print(json.dumps(res))
