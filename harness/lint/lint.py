#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Helper of harness/lint/lint.sh (kresv lint); not meant to be run alone.

  lint.py plan   --rules-dir D --work W FILE...   (run in the tree)
      Reads the rules' headers and picks, per rule, the files spatch must
      see, and the rule that hosts the parse probe. Writes W/plan.json,
      W/files.RULE, W/args.RULE, W/union, W/probe_host.
  lint.py defs   --work W
      Finds by text the function definitions of the files spatch parses
      (W/defs.json), while spatch runs.
  lint.py report --work W --format F --label L --tree D [--verbose]
      Reads the spatch outputs W/out.RULE (the probe host's with the
      probe's lines), W/probe.out, W/parsec.*.out (--verbose) and prints
      the report; exits 0, 1 (findings) or 2 (a target function was not
      parsed).
"""

import argparse
import json
import os
import re
import signal
import sys
import urllib.parse

# Functions the rules are about: when one of them is defined in a scanned
# file and spatch does not parse it, lint fails (exit 2).
TARGETS = ["setup_arch", "arm64_memblock_init", "paging_init", "bootmem_init",
           "map_mem", "zone_sizes_init", "dma_limits_init",
           "reserve_crashkernel", "arch_reserve_crashkernel",
           "reserve_crashkernel_generic", "reserve_crashkernel_low"]

# Virtual rules that make a rule list its low-confidence sites as
# "note: low confidence: ..." lines (reported as CHECK).
NOTE_VIRTUALS = ["legit", "guarded"]

NOTE_PREFIX = "note: low confidence: "
RULE_PARSE_WARNING = "warning: spatch could not parse"

SARIF_SCHEMA = os.environ.get("KRESV_SARIF_SCHEMA",
                              "urn:oasis:names:tc:sarif:2.1.0")


def die(code, msg):
    print("kresv lint: " + msg, file=sys.stderr)
    sys.exit(code)


def read_text(path):
    try:
        with open(path, errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""


# --- rules ------------------------------------------------------------------

def rule_info(path):
    """Name, id, descriptions, options, note virtuals and prefilter tokens
    of one .cocci file, read from its header and rule declarations."""
    text = read_text(path)
    name = os.path.basename(path)[:-len(".cocci")]
    desc, paras = [], [[]]
    conf = opts = ""
    for line in text.split("\n"):
        if line.startswith("///"):
            s = line[3:].strip()
            if s:
                paras[-1].append(s)
            elif paras[-1]:
                paras.append([])
        m = re.match(r"//\s*Confidence:\s*(.*)", line)
        if m:
            conf = m.group(1).strip()
        m = re.match(r"//\s*Options:\s*(.*)", line)
        if m:
            opts = m.group(1).strip()
    desc = [" ".join(p) for p in paras if p]
    virtuals = set(re.findall(r"^virtual\s+(\w+)", text, re.M))
    # Files are pre-selected by the identifiers of the rules' token gates
    # (rules named *_tok*: every fact-gathering rule depends on one of them
    # unless -D all_files, which lint does not pass). A file without any of
    # these words gives no fact, so skipping it changes no result. A rule
    # without such a gate sees every file.
    tokens = set()
    gated = False
    for m in re.finditer(r"^@\s*(\w*_tok\w*)\s*@(.*?)^@@", text, re.M | re.S):
        gated = True
        for lst in re.findall(r"identifier\s+\w+\s*=\s*\{([^}]*)\}",
                              m.group(2)):
            tokens |= set(re.findall(r"[A-Za-z_]\w*", lst))
    if gated and not tokens:
        gated = False
    if os.environ.get("KRESV_LINT_PREFILTER", "1") == "0":
        gated = False
    return {
        "name": name,
        "id": name.upper(),
        "file": path,
        "short": desc[0] if desc else name,
        "full": " ".join(desc[:2]) if desc else name,
        "confidence": conf,
        "options": opts.split(),
        "notes": [v for v in NOTE_VIRTUALS if v in virtuals],
        "tokens": sorted(tokens) if gated else None,
    }


# --- function definitions found by text ----------------------------------------

NONCODE = re.compile(r"""
    ^[ \t]*\#(?:\\\n|[^\n])*         # preprocessor line, continuations
  | //[^\n]*                           # line comment
  | /\*.*?(?:\*/|\Z)                   # block comment
  | "(?:\\.|[^"\\\n])*"?                # string literal
  | '(?:\\.|[^'\\\n])*'?                # character literal
""", re.M | re.S | re.X)


def blank_noncode(text):
    """Comments, string and character literals and preprocessor lines
    replaced by spaces; newlines kept, so offsets and lines stay."""
    return NONCODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


NOT_NAMES = {"if", "while", "for", "switch", "return", "sizeof", "typeof",
             "__typeof__", "__attribute__", "__section", "__aligned",
             "__printf", "__scanf", "__alias", "__must_hold", "__acquires",
             "__releases", "__cond_acquires", "__cond_releases",
             "__diag_ignore", "__no_sanitize_or_inline", "asm", "__asm__"}
CALL = re.compile(r"([A-Za-z_]\w*)\s*\(")


def text_defs(path):
    """[(name, first line, last line)] of the function definitions of a C
    file, by brace matching at top level (kernel style; a heuristic)."""
    text = blank_noncode(read_text(path))
    defs = []
    depth = 0
    start = 0          # offset where the pending top-level text begins
    body = None        # (name, offset of the name) of the open definition
    for m in re.finditer(r"[{};]", text):
        i, c = m.start(), m.group(0)
        if c == "{":
            if depth == 0:
                head = text[start:i]
                body = None
                if "=" not in re.sub(r"\([^()]*\)", "", head):
                    pdepth = 0
                    for m in CALL.finditer(head):
                        pre = head[:m.start()]
                        pdepth = pre.count("(") - pre.count(")")
                        if pdepth == 0 and m.group(1) not in NOT_NAMES:
                            body = (m.group(1), start + m.start(1))
                            break
            depth += 1
        elif c == "}":
            depth = max(depth - 1, 0)
            if depth == 0:
                if body:
                    defs.append((body[0], body[1], i))
                    body = None
                start = i + 1
        elif c == ";" and depth == 0:
            start = i + 1
    if not defs:
        return []
    nl = [m.start() for m in re.finditer("\n", text)]

    def line(off):
        lo, hi = 0, len(nl)
        while lo < hi:
            mid = (lo + hi) // 2
            if nl[mid] < off:
                lo = mid + 1
            else:
                hi = mid
        return lo + 1
    return [(name, line(a), line(b)) for (name, a, b) in defs]


def words_in(path, words):
    return words_in_text(read_text(path), words)


# --- plan ---------------------------------------------------------------------

def cmd_plan(a):
    rules = []
    for f in sorted(os.listdir(a.rules_dir)):
        if f.endswith(".cocci"):
            rules.append(rule_info(os.path.join(a.rules_dir, f)))
    if not rules:
        die(2, "%s: no .cocci rule" % a.rules_dir)
    all_tokens = set(TARGETS)
    for r in rules:
        all_tokens |= set(r["tokens"] or [])
    files = []
    seen = set()
    for f in a.files:
        if f not in seen:
            seen.add(f)
            files.append(f)
    present = {f: words_in(f, sorted(all_tokens)) for f in files}
    union = []
    for r in rules:
        if r["tokens"] is None:
            sel = list(files)
        else:
            toks = set(r["tokens"])
            sel = [f for f in files if present[f] & toks]
        r["files"] = sel
        with open(os.path.join(a.work, "files." + r["name"]), "w") as fh:
            fh.write("".join(x + "\n" for x in sel))
        args = ["-D", "report"] + r["options"]
        for v in r["notes"]:
            args += ["-D", v]
        with open(os.path.join(a.work, "args." + r["name"]), "w") as fh:
            fh.write("".join(x + "\n" for x in args))
        union += sel
    union_set = set(union) | set(f for f in files
                                  if present[f] & set(TARGETS))
    union = [f for f in files if f in union_set]
    with open(os.path.join(a.work, "union"), "w") as fh:
        fh.write("".join(x + "\n" for x in union))
    # The parse probe (function definitions spatch parsed) rides along
    # with the rule that has the most files: that rule is given every file
    # of the union (a file without its words gives it no fact), and one
    # spatch process, one Python start-up and one parse per file are saved.
    host = max(rules, key=lambda r: len(r["files"]))
    if not host["files"]:
        host = None
    else:
        with open(os.path.join(a.work, "files." + host["name"]), "w") as fh:
            fh.write("".join(x + "\n" for x in union))
    with open(os.path.join(a.work, "probe_host"), "w") as fh:
        fh.write(host["name"] + "\n" if host else "")
    plan = {"rules": rules, "files": files, "union": union,
            "probe_host": host["name"] if host else None}
    with open(os.path.join(a.work, "plan.json"), "w") as fh:
        json.dump(plan, fh)


def cmd_defs(a):
    """Function definitions found by text in the files spatch parses (run
    beside spatch)."""
    with open(os.path.join(a.work, "plan.json")) as fh:
        plan = json.load(fh)
    defs = {f: text_defs(f) for f in plan["union"]}
    with open(os.path.join(a.work, "defs.json"), "w") as fh:
        json.dump(defs, fh)


# --- report -------------------------------------------------------------------

REPORT_LINE = re.compile(r"^(.+?):(\d+):(\d+)-(\d+): (.*)$")


PROBE_TAG = "KRESV_LINT_DEF"


def parse_probe(text, got):
    """Adds to GOT {file: [(name, first line, last line)]} the functions
    the probe saw spatch parse."""
    for line in text.split("\n"):
        p = line.split("\t")
        if len(p) == 5 and p[0] == PROBE_TAG:
            got.setdefault(p[1], []).append((p[2], int(p[3]), int(p[4])))
    return got


def parse_parsec(path):
    """{file: {"errors": n, "bad_lines": n, "error_lines": [...]}} from
    the output of spatch --parse-c."""
    stats, cur = {}, None
    for line in read_text(path).split("\n"):
        if line.startswith("PARSING: "):
            cur = line[len("PARSING: "):].strip()
            stats[cur] = {"errors": 0, "bad_lines": 0, "error_lines": []}
        elif cur is None:
            continue
        elif line.startswith("parse error"):
            stats[cur]["errors"] += 1
        elif line.startswith("badcount: "):
            stats[cur]["bad_lines"] += int(line.split()[1])
        else:
            m = re.match(r'\s*= File "(.*)", line (\d+)', line)
            if m and m.group(1) == cur:
                stats[cur]["error_lines"].append(int(m.group(2)))
    return stats


def uri_of(path):
    if os.path.isabs(path):
        return "file://" + urllib.parse.quote(path), None
    return urllib.parse.quote(path), "SRCROOT"


def cmd_report(a):
    w = a.work
    with open(os.path.join(w, "plan.json")) as fh:
        plan = json.load(fh)
    with open(os.path.join(w, "defs.json")) as fh:
        plan["defs"] = json.load(fh)
    rules = plan["rules"]
    findings, failures, unexpected = [], [], []
    probe = parse_probe(read_text(os.path.join(w, "probe.out")), {})
    for r in rules:
        out = read_text(os.path.join(w, "out." + r["name"]))
        if r["name"] == plan["probe_host"]:
            parse_probe(out, probe)
        for line in out.split("\n"):
            if not line.strip() or line.startswith(PROBE_TAG + "\t"):
                continue
            m = REPORT_LINE.match(line)
            if not m:
                unexpected.append((r["name"], line))
                continue
            f, l, c, _ce, msg = m.groups()
            l, c = int(l), int(c)
            if msg.startswith(RULE_PARSE_WARNING):
                fm = re.search(r"parse (\w+)\(\)", msg)
                failures.append({
                    "file": f, "line": l,
                    "function": fm.group(1) if fm else None,
                    "rule": r["id"], "fatal": True, "uses": [],
                    "message": msg[len("warning: "):]})
                continue
            sev = "warning"
            if msg.startswith(NOTE_PREFIX):
                sev, msg = "check", msg[len("note: "):]
            findings.append({"rule": r["id"], "file": f, "line": max(l, 1),
                             "column": c + 1, "severity": sev,
                             "message": msg})
    findings.sort(key=lambda x: (x["file"], x["line"], x["column"],
                                 x["rule"], x["message"]))

    # functions found by text that spatch did not parse
    ruletok = set()
    for r in rules:
        ruletok |= set(r["tokens"] or [])
    stats = []
    for f in plan["union"]:
        got = probe.get(f, [])
        missing = []
        tdefs = plan["defs"].get(f, [])
        for (name, l0, l1) in tdefs:
            if any(n == name and s - 3 <= l0 <= e for (n, s, e) in got):
                continue
            missing.append((name, l0, l1))
        src = None
        for (name, l0, l1) in missing:
            if src is None:
                src = read_text(f).split("\n")
            body = "\n".join(src[l0 - 1:l1])
            uses = sorted(words_in_text(body, ruletok - {name}))
            target = name in TARGETS
            if any(x["file"] == f and x["function"] == name
                   for x in failures):
                continue
            if target:
                msg = ("spatch could not parse %s(), a function the rules "
                       "target; they would not see it" % name)
            elif uses:
                msg = ("spatch could not parse %s(), which uses %s; the "
                       "rules do not see it" % (name, ", ".join(uses)))
            else:
                msg = "spatch could not parse %s()" % name
            failures.append({"file": f, "line": l0, "function": name,
                             "rule": None, "fatal": target, "uses": uses,
                             "message": msg})
        stats.append({"file": f, "functions": len(tdefs),
                      "functions_parsed": len(tdefs) - len(missing),
                      "not_parsed": [m[0] for m in missing]})
    failures.sort(key=lambda x: (x["file"], x["line"]))
    fatal = [x for x in failures if x["fatal"]]
    nwarn = sum(1 for x in findings if x["severity"] == "warning")
    ncheck = len(findings) - nwarn

    if a.verbose:
        verbose(a, plan, stats, failures)
    for (rn, line) in unexpected:
        print("kresv lint: %s: unexpected output: %s" % (rn, line),
              file=sys.stderr)

    tree_dir = os.path.abspath(a.tree)
    rules_out = [{"id": r["id"], "name": r["name"],
                  "file": os.path.abspath(r["file"]),
                  "confidence": r["confidence"],
                  "description": r["short"],
                  "files": len(r["files"])} for r in rules]
    if a.format == "text":
        for x in findings:
            print("%s:%d: %s: %s: %s" % (x["file"], x["line"],
                                         x["severity"].upper(), x["rule"],
                                         x["message"]))
    elif a.format == "json":
        doc = {"tree": a.label, "tree_dir": tree_dir, "rules": rules_out,
               "findings": findings,
               "parse_failures": [{k: v for k, v in x.items()}
                                  for x in failures],
               "files": {"scanned": plan["files"],
                         "parsed": plan["union"]}}
        if a.verbose:
            doc["parse_stats"] = stats
        json.dump(doc, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sarif(a, rules, findings, failures, tree_dir)
    sys.stdout.flush()

    for x in fatal:
        print("kresv lint: %s:%d: %s%s" % (
            x["file"], x["line"], x["message"],
            " (%s)" % x["rule"] if x["rule"] else ""), file=sys.stderr)
    if a.format == "text" and not fatal:
        others = len(failures) - len(fatal)
        tail = ""
        if others:
            tail = ("; %d function%s not parsed by spatch (--verbose lists "
                    "them)" % (others, "" if others == 1 else "s"))
        nf = len(plan["files"])
        print("kresv lint: %s: %d warning%s, %d check%s; %d rule%s on %d "
              "file%s (%d handed to spatch)%s" % (
                  a.label, nwarn, "" if nwarn == 1 else "s",
                  ncheck, "" if ncheck == 1 else "s",
                  len(rules), "" if len(rules) == 1 else "s",
                  nf, "" if nf == 1 else "s", len(plan["union"]), tail),
              file=sys.stderr)
    if fatal:
        sys.exit(2)
    sys.exit(1 if nwarn else 0)


def words_in_text(text, words):
    """The words of WORDS that occur in TEXT as whole identifiers."""
    found = set()
    for w in words:
        if w in text and re.search(r"(?<![\w])%s(?![\w])" % re.escape(w),
                                   text):
            found.add(w)
    return found


def verbose(a, plan, stats, failures):
    """Per-file parse statistics on stderr; completes STATS (for JSON)."""
    pc = {}
    for f in sorted(os.listdir(a.work)):
        if f.startswith("parsec.") and f.endswith(".out"):
            pc.update(parse_parsec(os.path.join(a.work, f)))
    e = sys.stderr
    print("kresv lint: rules:", file=e)
    for r in plan["rules"]:
        how = ("files using %s" % ", ".join(r["tokens"])
               if r["tokens"] is not None else "every file")
        more = ""
        if r["name"] == plan["probe_host"]:
            k = len(plan["union"]) - len(r["files"])
            more = ", and runs the parse probe on %d file%s" % (
                len(plan["union"]), "" if len(plan["union"]) == 1 else "s")
            if k:
                more += " (%d more)" % k
        print("  %s: %d of %d files (%s)%s" % (
            r["name"], len(r["files"]), len(plan["files"]), how, more),
            file=e)
    print("kresv lint: parse statistics (spatch --parse-c: parse errors, "
          "lines skipped; functions parsed by spatch / defined in the "
          "text):", file=e)
    by = {s["file"]: s for s in stats}
    tot = [0, 0, 0, 0]
    for f in plan["files"]:
        p = pc.get(f)
        s = by.get(f)
        if s is None:
            s = {"file": f, "skipped": True}
            stats.append(s)
        else:
            s["skipped"] = False
        line = "  %s: " % f
        if p is None:
            line += "no statistics (spatch --parse-c gave none)"
        else:
            s["parse_errors"] = p["errors"]
            s["bad_lines"] = p["bad_lines"]
            s["error_lines"] = p["error_lines"]
            tot[0] += p["errors"]
            tot[1] += p["bad_lines"]
            line += "%d parse error%s, %d bad line%s" % (
                p["errors"], "" if p["errors"] == 1 else "s",
                p["bad_lines"], "" if p["bad_lines"] == 1 else "s")
            if p["error_lines"]:
                line += " (errors at line %s)" % ", ".join(
                    str(x) for x in p["error_lines"])
        if s["skipped"]:
            line += "; not handed to the rules (no word of any rule)"
        else:
            tot[2] += s["functions"]
            tot[3] += s["functions_parsed"]
            line += "; functions %d/%d" % (s["functions_parsed"],
                                           s["functions"])
        print(line, file=e)
        for x in failures:
            if x["file"] == f:
                print("    %s:%d: %s" % (f, x["line"], x["message"]), file=e)
    stats.sort(key=lambda x: x["file"])
    print("  total: %d files, %d handed to the rules, %d parse errors, "
          "%d bad lines, functions %d/%d" % (
              len(plan["files"]), len(plan["union"]), tot[0], tot[1],
              tot[3], tot[2]), file=e)


def sarif(a, rules, findings, failures, tree_dir):
    ids = [r["id"] for r in rules]
    driver_rules = []
    for r in rules:
        d = {"id": r["id"], "name": r["name"],
             "shortDescription": {"text": r["short"]},
             "fullDescription": {"text": r["full"]},
             "defaultConfiguration": {"level": "warning"}}
        if r["confidence"]:
            d["properties"] = {"confidence": r["confidence"]}
        driver_rules.append(d)
    results = []
    for x in findings:
        uri, base = uri_of(x["file"])
        loc = {"artifactLocation": {"uri": uri},
               "region": {"startLine": x["line"],
                          "startColumn": x["column"]}}
        if base:
            loc["artifactLocation"]["uriBaseId"] = base
        results.append({
            "ruleId": x["rule"], "ruleIndex": ids.index(x["rule"]),
            "level": "warning" if x["severity"] == "warning" else "note",
            "message": {"text": x["message"]},
            "locations": [{"physicalLocation": loc}]})
    notes = []
    for x in failures:
        uri, base = uri_of(x["file"])
        loc = {"artifactLocation": {"uri": uri},
               "region": {"startLine": max(x["line"], 1)}}
        if base:
            loc["artifactLocation"]["uriBaseId"] = base
        notes.append({"level": "error" if x["fatal"] else "warning",
                      "message": {"text": x["message"]},
                      "locations": [{"physicalLocation": loc}]})
    run = {
        "tool": {"driver": {"name": "kresv", "rules": driver_rules}},
        "originalUriBaseIds": {"SRCROOT": {
            "uri": "file://" + urllib.parse.quote(tree_dir.rstrip("/") + "/")}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{
            "executionSuccessful": not any(x["fatal"] for x in failures),
            "toolExecutionNotifications": notes}],
        "properties": {"tree": a.label},
        "results": results,
    }
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    json.dump(doc, sys.stdout, indent=2)
    sys.stdout.write("\n")


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(prog="lint.py")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plan")
    p.add_argument("--rules-dir", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("files", nargs="*")
    p = sub.add_parser("defs")
    p.add_argument("--work", required=True)
    p = sub.add_parser("report")
    p.add_argument("--work", required=True)
    p.add_argument("--format", default="text",
                   choices=["text", "json", "sarif"])
    p.add_argument("--label", default="")
    p.add_argument("--tree", required=True)
    p.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    if a.cmd == "plan":
        cmd_plan(a)
    elif a.cmd == "defs":
        cmd_defs(a)
    else:
        cmd_report(a)


if __name__ == "__main__":
    main()
