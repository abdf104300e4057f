#!/usr/bin/env python3
"""Validates Lots' FHIR R4 exports: structure with fhir.resources (R4B models), then what structure alone does not
check – the codes of required bindings Lots uses, the identifier systems of HL7 Sweden's base profiles, and that
every reference resolves inside the bundle.

Usage: Scripts/fhir-validate.py FILE...   (or - for stdin). Exit 0 when every bundle is valid, 1 with one line per
problem on stderr, 2 when fhir.resources is missing (Scripts/setup installs it).
"""
import json
import sys

try:
    from fhir.resources.R4B.bundle import Bundle
except ImportError:
    print("fhir-validate: fhir.resources is not installed (pip install fhir.resources; Scripts/setup does it)", file=sys.stderr)
    sys.exit(2)

PNR = "http://electronichealth.se/identifier/personnummer"
SAMORDNING = "http://electronichealth.se/identifier/samordningsnummer"
HSA = "urn:oid:1.2.752.29.4.19"

# Required bindings (FHIR R4 value sets) of the elements Lots fills.
REQUIRED = {
    "Encounter": {"status": {"planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled", "entered-in-error", "unknown"}},
    "Communication": {"status": {"preparation", "in-progress", "not-done", "on-hold", "stopped", "completed", "entered-in-error", "unknown"}},
    "QuestionnaireResponse": {"status": {"in-progress", "completed", "amended", "entered-in-error", "stopped"}},
    "Media": {"status": {"preparation", "in-progress", "not-done", "on-hold", "stopped", "completed", "entered-in-error", "unknown"}},
    "RiskAssessment": {"status": {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"}},
    "ServiceRequest": {"status": {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"},
                       "intent": {"proposal", "plan", "directive", "order", "original-order", "reflex-order", "filler-order", "instance-order", "option"},
                       "priority": {"routine", "urgent", "asap", "stat"}},
    "Appointment": {"status": {"proposed", "pending", "booked", "arrived", "fulfilled", "cancelled", "noshow", "entered-in-error", "checked-in", "waitlist"}},
    "EpisodeOfCare": {"status": {"planned", "waitlist", "active", "onhold", "finished", "cancelled", "entered-in-error"}},
    "Patient": {"gender": {"male", "female", "other", "unknown"}},
}
ENCOUNTER_CLASS = {("http://terminology.hl7.org/CodeSystem/v3-ActCode", "VR")}


def problems(doc):
    out = []
    try:
        bundle = Bundle.model_validate(doc)
    except Exception as e:  # pydantic's ValidationError names every field
        return [f"structure: {line}" for line in str(e).splitlines() if line.strip()][:20]
    urls = {e.get("fullUrl") for e in doc.get("entry", [])}
    kinds = {}
    for i, entry in enumerate(doc.get("entry", [])):
        r = entry.get("resource", {})
        t = r.get("resourceType")
        kinds[t] = kinds.get(t, 0) + 1
        where = f"entry[{i}] {t}"
        for field, allowed in REQUIRED.get(t, {}).items():
            if field in r and r[field] not in allowed:
                out.append(f"{where}.{field}: code {r[field]!r} is not in the required value set")
        if t == "Patient":
            systems = {x.get("system") for x in r.get("identifier", [])}
            if not systems & {PNR, SAMORDNING}:
                out.append(f"{where}.identifier: no personnummer or samordningsnummer identifier")
            for x in r.get("identifier", []):
                if x.get("system") in (PNR, SAMORDNING) and not (str(x.get("value", "")).isdigit() and len(x["value"]) == 12):
                    out.append(f"{where}.identifier: {x.get('value')!r} is not 12 digits")
        if t == "Organization" and HSA not in {x.get("system") for x in r.get("identifier", [])}:
            out.append(f"{where}.identifier: no HSA-id ({HSA})")
        if t == "Encounter":
            c = r.get("class", {})
            if (c.get("system"), c.get("code")) not in ENCOUNTER_CLASS:
                out.append(f"{where}.class: expected virtual (v3-ActCode VR), got {c.get('code')!r}")
        for ref in find_refs(r):
            if ref.startswith("urn:uuid:") and ref not in urls:
                out.append(f"{where}: reference {ref} does not resolve in the bundle")
    for needed in ("Patient", "Organization", "Encounter", "RiskAssessment", "ServiceRequest"):
        if needed not in kinds:
            out.append(f"bundle: no {needed}")
    return out


def find_refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "reference" and isinstance(v, str):
                yield v
            else:
                yield from find_refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from find_refs(v)


def main(paths):
    bad = 0
    for p in paths or ["-"]:
        text = sys.stdin.read() if p == "-" else open(p, encoding="utf-8").read()
        try:
            doc = json.loads(text)
        except ValueError as e:
            print(f"{p}: not JSON: {e}", file=sys.stderr)
            bad += 1
            continue
        found = problems(doc)
        for line in found:
            print(f"{p}: {line}", file=sys.stderr)
        bad += bool(found)
        if not found:
            print(f"{p}: valid FHIR R4 Bundle, {len(doc.get('entry', []))} resources")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
