"""Independent COMTRADE reader for interop tests: written from IEEE C37.111 (shared/protocols/pm8000-map.md §6)
with only the Python standard library. Prints JSON: {"rate": .., "channels": [{"id", "unit", "values": [...]}]}.
Values are a*x+b, times primary/secondary for channels recorded on the secondary side; missing samples -> null."""
import json, struct, sys

def sections(path):
    """The CFG text and the DAT bytes: from a .cfg/.dat pair, or from the sections of a 2013 .cff."""
    if not path.lower().endswith(".cff"):
        return open(path, encoding="utf-8", errors="replace").read(), open(path[:-4] + ".dat", "rb").read()
    raw = open(path, "rb").read()
    cfg_at = raw.lower().index(b"--- file type: cfg")
    cfg_body = raw.index(b"\n", cfg_at) + 1
    cfg_end = raw.lower().index(b"--- file type:", cfg_body)
    dat_at = raw.lower().index(b"--- file type: dat")
    header_end = raw.index(b"\n", dat_at)
    header = raw[dat_at:header_end].decode("latin-1").strip().rstrip("-").strip()
    data = raw[header_end + 1:]
    if header.count(":") >= 2:
        data = data[: int(header.rsplit(":", 1)[1])]
    return raw[cfg_body:cfg_end].decode("utf-8", "replace"), data

def main(cfg_path):
    cfg_text, dat_bytes = sections(cfg_path)
    lines = [l.strip() for l in cfg_text.splitlines() if l.strip()]
    rev = int(lines[0].split(",")[2]) if len(lines[0].split(",")) > 2 and lines[0].split(",")[2].strip() else 1991
    counts = lines[1].split(",")
    na, nd = int(counts[1].strip()[:-1]), int(counts[2].strip()[:-1])
    analogs = []
    for i in range(na):
        f = lines[2 + i].split(",")
        ps = f[12].strip().upper() if len(f) > 12 else "P"
        ratio = float(f[10]) / float(f[11]) if ps == "S" else 1.0
        analogs.append({"id": f[1].strip(), "unit": f[4].strip(), "a": float(f[5]), "b": float(f[6]), "ratio": ratio})
    at = 2 + na + nd + 1
    nrates = int(lines[at]); at += 1
    rate, total = [float(x) for x in lines[at].split(",")[:2]]
    at += max(1, nrates) + 2
    ft = lines[at].upper()
    values = [[] for _ in analogs]
    if ft == "ASCII":
        for row in dat_bytes.decode("ascii").splitlines()[: int(total)]:
            f = row.split(",")
            for k in range(na):
                x = f[2 + k].strip()
                values[k].append(None if x == "" or (x == "99999" and rev >= 1999) else float(x))
    else:
        width, code, missing = {"BINARY": (2, "<h", -32768), "BINARY32": (4, "<i", -2147483648), "FLOAT32": (4, "<f", None)}[ft]
        size = 8 + na * width + 2 * ((nd + 15) // 16)
        data = dat_bytes
        for n in range(int(total)):
            rec = data[n * size:(n + 1) * size]
            for k in range(na):
                x = struct.unpack_from(code, rec, 8 + k * width)[0]
                values[k].append(None if missing is not None and x == missing else float(x))
    out = []
    for k, a in enumerate(analogs):
        out.append({"id": a["id"], "unit": a["unit"], "values": [None if x is None else (a["a"] * x + a["b"]) * a["ratio"] for x in values[k]]})
    print(json.dumps({"rate": rate, "channels": out}))

main(sys.argv[1])
