#!/usr/bin/env python3
"""Writes RELIABILITY.md from the result files of scripts/reliability-report.

   scripts/reliability-report.py RESULTS_FOLDER

RESULTS_FOLDER holds json/ (what tests/Docket.Reliability.Tests writes) and trx/ (the test runs).
The run's settings and the machine come from the environment the script sets (REPORT_*, DOCKET_*).
"""
import glob, json, os, platform, re, xml.etree.ElementTree as ET
from datetime import datetime, timezone

import sys
results = sys.argv[1] if len(sys.argv) > 1 else os.environ["REPORT_RESULTS"]
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

def load(pattern):
    return [json.load(open(f)) for f in sorted(glob.glob(os.path.join(results, "json", pattern)))]

fuzz = load("fuzz-*.json")
load_runs = load("load-*.json")

tests = []
for trx in sorted(glob.glob(os.path.join(results, "trx", "*.trx"))):
    root = ET.parse(trx).getroot()
    for r in root.iter("{%s}UnitTestResult" % ns["t"]):
        out = r.find("t:Output/t:StdOut", ns)
        tests.append({"file": os.path.basename(trx), "name": r.get("testName"), "outcome": r.get("outcome"),
                      "duration": r.get("duration", ""), "stdout": out.text if out is not None and out.text else ""})

def n(x): return f"{x:,}"

cpu = "unknown"
try:
    cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
except Exception: pass
mem = "unknown"
try:
    kb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")))
    mem = f"{kb / 1024 / 1024:.1f} GiB"
except Exception: pass
osname = platform.platform()
try:
    osname = next(l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME"))
except Exception: pass

lines = []
w = lines.append
w("# Reliability")
w("")
w("What Docket does with hostile input, faults and load (issue #11), measured by one command:")
w("")
w("```sh")
w("scripts/reliability-report")
w("```")
w("")
w(f"Run {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} at commit `{os.environ['REPORT_COMMIT']}`, in {int(os.environ['REPORT_ELAPSED']) // 60} min "
  f"({os.environ['DOCKET_FUZZ_REQUESTS']} requests per family and database, seed {os.environ['DOCKET_FUZZ_SEED']}, load for {os.environ['DOCKET_LOAD_SECONDS']} s). "
  f"Machine: {os.cpu_count()} CPUs ({cpu}), {mem}, {osname}; .NET SDK {os.environ['REPORT_DOTNET']}; {os.environ['REPORT_PG']}. "
  "The machine was shared with other builds, so the timings are indicative only; no test asserts one.")
w("")
w("## Fuzzing the HTTP API")
w("")
w("`tests/Docket.Reliability.Tests/Fuzzing`: FsCheck generators over the event vocabulary (valid-looking events of every type, "
  "fields dropped, added or of the wrong type, dates out of range, huge numbers, deep nesting, text with NUL, lone surrogates "
  "or bytes that are not UTF-8, keys given twice) and over the request (wrong content types, junk headers and tokens, bad "
  "If-Match, odd methods and paths, query junk, chunked garbage, truncated bodies), sent on raw sockets to the real server. "
  "A server error is any 5xx but a 503 that says the database is unavailable; a partial write is an event in the log that no "
  "acknowledged request wrote, or a case history (as exported) that changed; every acknowledged event must be in the log; "
  "the log is verified (`docket verify`'s verifier, and `GET /api/audit/verify` with the key) after every family.")
w("")
w("| database | family | requests | server errors | refusals without a problem | no answer | answers cut off | refused by Kestrel (bare) | client closed mid-body | reset after answering (broken framing) | acknowledged writes | partial writes | acknowledged lost | log verifies | seconds |")
w("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
tot = {}
for f in fuzz:
    r, v = f["result"], f["verify"]
    w(f"| {r['database']} | {r['family']} | {n(r['requests'])} | {r['serverErrors']} | {r['refusalsWithoutProblem']} | {r['noAnswer']} | {r['cutOffAnswers']} | {n(r['refusedByKestrel'])} | {n(r['clientClosed'])} | {n(r['resetAfterAnswer'])} | {n(r['acknowledgedWrites'])} | {r['partialWrites']} | {r['acknowledgedLost']} | {'yes' if v['intact'] else '**no**'} | {r['seconds']} |")
    for k in ("requests", "serverErrors", "refusalsWithoutProblem", "noAnswer", "partialWrites", "acknowledgedLost", "acknowledgedWrites"):
        tot.setdefault(r["database"], {}).setdefault(k, 0)
        tot[r["database"]][k] += r[k]
w("")
for db, t in sorted(tot.items()):
    w(f"- **{db}**: {n(t['requests'])} requests, **{t['serverErrors']} server errors**, {t['refusalsWithoutProblem']} refusals without a problem body, "
      f"{t['noAnswer']} without an answer, **{t['partialWrites']} partial writes**, {n(t['acknowledgedWrites'])} acknowledged writes and **{t['acknowledgedLost']} lost**.")
w("")
w("Answers by status, all families together:")
w("")
statuses = {}
for f in fuzz:
    for code, count in f["result"]["statuses"].items():
        statuses.setdefault(f["result"]["database"], {}).setdefault(int(code), 0)
        statuses[f["result"]["database"]][int(code)] += count
for db, s in sorted(statuses.items()):
    w(f"- {db}: " + ", ".join(f"{code}: {n(c)}" for code, c in sorted(s.items())))
w("")
w("\"Refused by Kestrel\" are requests broken at the protocol level (a header over 32 KiB, NUL or bytes outside ASCII in a header, "
  "a path that decodes to NUL, both Content-Length and chunked, a malformed request line): Kestrel answers them with a bare 400 or 431 "
  "before any Docket code runs, so they carry no problem body; the fuzzer allows that only for requests it broke that way. "
  "\"Client closed mid-body\" are truncated bodies after which the client shut its side of the connection: Kestrel drops such a "
  "request without an answer, and the log check shows nothing was written. \"Reset after answering\" are reads that carried a body "
  "with broken chunked framing: the endpoint answered (it reads no body), then Kestrel failed to drain the body and reset the "
  "connection, which cut off the answer's tail; the fuzzer allows that only when it broke the framing itself.")
failures = [x for f in fuzz for x in f["result"]["failures"]]
if failures:
    w("")
    w("First failures found:")
    w("")
    w("```")
    for x in failures[:10]:
        w(x[:800])
        w("")
    w("```")
w("")
w("## Load")
w("")
w("`tests/Docket.Reliability.Tests/Load`: 32 clients at once, each appending to a case of its own (If-Match its last version) and "
  "reading its own and the others' cases (the case, its deadlines, a search), three reads to an append.")
w("")
w("| database | clients | seconds | requests | reads | appends | errors | p50 ms | p95 ms | p99 ms | max ms | events in log | log verifies |")
w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for r in load_runs:
    w(f"| {r['database']} | {r['clients']} | {r['seconds']} | {n(r['requests'])} | {n(r['reads'])} | {n(r['appends'])} | {r['errors']} | {r['p50Ms']} | {r['p95Ms']} | {r['p99Ms']} | {r['maxMs']} | {n(r['eventsInLog'])} | {'yes' if r['intact'] else '**no**'} |")
w("")
w("## Faults")
w("")
w("The fault tests (`Faults/` in the Web, Store and CLI test projects) make each fault for real and check the answer and the log.")
w("")
w("| test | result | duration |")
w("| --- | --- | --- |")
faults = [t for t in tests if t["file"].startswith("faults-")]
for t in sorted(faults, key=lambda t: t["name"]):
    name = t["name"].rsplit(".", 1)[-1] if "(" not in t["name"] else t["name"].split("(")[0].rsplit(".", 1)[-1] + "(" + t["name"].split("(", 1)[1]
    cls = t["name"].split("(")[0].rsplit(".", 2)[-2]
    w(f"| {cls}: {name.replace('_', ' ')} | {'survived' if t['outcome'] == 'Passed' else '**' + t['outcome'].lower() + '**'} | {t['duration'][:8]} |")
passed = sum(1 for t in faults if t["outcome"] == "Passed")
w("")
w(f"Faults survived: **{passed} of {len(faults)}** tests.")
acked = [m for t in faults for m in re.findall(r"acknowledged events: (\d+) in (\d+) cases, lost: (\d+)", t["stdout"])]
kills = [t for t in faults if "Killing_serve" in t["name"]]
if acked:
    w("")
    w(f"`docket serve` killed with SIGKILL three times under concurrent appends, on each database ({len(kills)} runs): "
      f"{n(sum(int(a) for a, _, _ in acked))} acknowledged events, **{sum(int(l) for _, _, l in acked)} lost**, positions gap-free, `docket verify` intact.")
other = [t for t in tests if t["file"].startswith("reliability") and t["outcome"] != "Passed"]
w("")
w("## Other tests of the run")
w("")
rel = [t for t in tests if t["file"].startswith("reliability")]
w(f"Docket.Reliability.Tests: {sum(1 for t in rel if t['outcome'] == 'Passed')} of {len(rel)} passed (the fuzz families and load above, the canaries that show the fuzzer's checks "
  "catch a server error, a partial write and a plain-text refusal, and the SharpFuzz corpus run through its targets; see fuzz/README.md for the AFL runs).")
for t in other:
    w(f"- **{t['outcome']}**: {t['name']}")
open("RELIABILITY.md", "w").write("\n".join(lines) + "\n")
