"""Independent COMTRADE writer for `bench analyze` tests: numpy synthesis + struct encoding, written from IEEE C37.111
(shared/protocols/pm8000-map.md §6), sharing no code with Bench. Usage:
  write_comtrade.py OUT.cfg FORMAT(BINARY|FLOAT32) F_HZ RATE_HZ SECONDS U_RMS I_RMS PF_DEG H5_PCT DIP_START DIP_LEN DIP_LEVEL
Three phases UA/UB/UC (kV on purpose, to test unit scaling) and IA/IB/IC (A), currents lagging by PF_DEG,
a 5th voltage harmonic of H5_PCT %, and a dip of phase B to DIP_LEVEL (fraction) from DIP_START for DIP_LEN s."""
import struct, sys
import numpy as np

out, fmt = sys.argv[1], sys.argv[2].upper()
f, rate, seconds, u, i, lag, h5, dip_start, dip_len, dip_level = map(float, sys.argv[3:13])
n = int(round(seconds * rate))
t = np.arange(n) / rate
chans = []
for k, ph in enumerate("ABC"):
    a = 2 * np.pi * f * t - k * 2 * np.pi / 3
    v = np.sqrt(2) * u * (np.sin(a) + h5 / 100 * np.sin(5 * a))
    if ph == "B":
        v = np.where((t >= dip_start) & (t < dip_start + dip_len), v * dip_level, v)
    chans.append(("U" + ph, ph, "kV", v / 1000.0))
for k, ph in enumerate("ABC"):
    a = 2 * np.pi * f * t - k * 2 * np.pi / 3 - np.radians(lag)
    chans.append(("I" + ph, ph, "A", np.sqrt(2) * i * np.sin(a)))

rev = 1999 if fmt == "BINARY" else 2013
lines = ["PYTEST,numpy-writer,%d" % rev, "%d,%dA,0D" % (len(chans), len(chans))]
scales = []
for idx, (name, ph, unit, x) in enumerate(chans, 1):
    a = float(np.max(np.abs(x))) / 32767 if fmt == "BINARY" else 1.0
    scales.append(a)
    lo, hi = (-32767, 32767) if fmt == "BINARY" else (-3.4e38, 3.4e38)
    lines.append("%d,%s,%s,,%s,%.12g,0,0,%g,%g,1,1,P" % (idx, name, ph, unit, a, lo, hi))
lines += ["%g" % 50, "1", "%.12g,%d" % (rate, n), "27/11/2026,08:00:00.000000", "27/11/2026,08:00:00.000000", fmt, "1"]
if rev == 2013:
    lines += ["0,0", "0,0"]
open(out, "w", newline="").write("\r\n".join(lines) + "\r\n")
with open(out[:-4] + ".dat", "wb") as d:
    for s in range(n):
        d.write(struct.pack("<II", s + 1, int(round(s / rate * 1e6))))
        for (name, ph, unit, x), a in zip(chans, scales):
            d.write(struct.pack("<h", int(round(x[s] / a))) if fmt == "BINARY" else struct.pack("<f", x[s]))
