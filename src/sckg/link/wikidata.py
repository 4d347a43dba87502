"""Wikidata Query Service result files → links from divisions to Wikidata and GeoNames.

A result file (SPARQL 1.1 Query Results JSON, or CSV as WDQS downloads it) holds the
variable ``item`` (a Wikidata entity IRI) and one or both of ``p442`` (China
administrative division code; also ``code``/``adcode``) and ``p1566`` (GeoNames id;
also ``geonames``/``geonamesid``). Variable names are matched case-insensitively.

- P442 is written with spaces and truncated at the level: "54", "65 23", "65 23 25"
  → "540000", "652300", "652325". Codes below county level (9 or 12 digits) are skipped.
- an item with a P442 that names a known division → ``exactMatch`` to the item (score
  1.0); with a P1566 too → also that GeoNames id (``exactMatch``, score 1.0, Wikidata
  states it).
- an item with only P1566 → ``exactMatch`` to the item for the division already linked
  to that GeoNames id (score 0.9: the identity is inferred through GeoNames).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

from sckg.model import Division, InputError, PlaceLink

_ITEM = re.compile(r"^(?:https?://www\.wikidata\.org/entity/|wd:)?(Q[1-9][0-9]*)$")
_CODE_VARS = ("p442", "code", "adcode", "divisioncode", "division_code")
_GN_VARS = ("p1566", "geonames", "geonamesid", "geonames_id")


def normalise_p442(value: str) -> str | None:
    """Six-digit code of a P442 value ("65 23 25" → "652325", "54" → "540000"); None below county level."""
    digits = re.sub(r"[\s\u00a0]", "", value)
    if not digits.isdigit():
        raise ValueError(f"P442 value {value!r} is not a code")
    if len(digits) in (2, 4, 6):
        return digits.ljust(6, "0")
    if len(digits) in (9, 12):
        return None
    raise ValueError(f"P442 value {value!r} has {len(digits)} digits")


def read_results(path: str | os.PathLike) -> list[tuple[int, dict[str, str]]]:
    """``(line, {variable: value})`` rows of a WDQS result file, JSON or CSV, variables lower-cased."""
    try:
        text = Path(path).read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read Wikidata results: {exc}") from None
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
            bindings = data["results"]["bindings"]
            rows = [(i + 1, {k.lower(): str(v["value"]) for k, v in b.items()})
                    for i, b in enumerate(bindings)]
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
        except (KeyError, TypeError, AttributeError):
            raise InputError(f"{path}: not SPARQL 1.1 results JSON (results.bindings with values)") from None
        return rows
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lstrip("?").lower() for h in next(reader)]
    except StopIteration:
        raise InputError(f"{path}: empty Wikidata results file") from None
    rows = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(
                f"{path}:{reader.line_num}: expected {len(header)} CSV columns, found {len(row)}"
            )
        rows.append((reader.line_num, dict(zip(header, (c.strip() for c in row)))))
    return rows


def links_from_results(
    path: str | os.PathLike, divisions: dict[str, Division], geonames_links: dict[str, str] | None = None
) -> list[PlaceLink]:
    """The links a WDQS result file states for the known divisions (sorted, deduplicated).

    ``geonames_links`` maps GeoNames ids already linked to division codes (for P1566-only rows).
    """
    rows = read_results(path)
    source = Path(path).name
    by_geonames = dict(geonames_links or {})
    out: dict[tuple[str, str, str], PlaceLink] = {}
    for line, row in rows:
        code_var = next((v for v in _CODE_VARS if v in row), None)
        gn_var = next((v for v in _GN_VARS if v in row), None)
        if "item" not in row or (code_var is None and gn_var is None):
            raise InputError(f"{path}:{line}: a row needs ?item and ?P442 or ?P1566")
        m = _ITEM.match(row["item"])
        if not m:
            raise InputError(f"{path}:{line}: ?item {row['item']!r} is not a Wikidata entity")
        qid = m.group(1)
        gid = row.get(gn_var, "") if gn_var else ""
        if gid and not gid.isdigit():
            raise InputError(f"{path}:{line}: P1566 {gid!r} is not a GeoNames id")
        code = None
        if code_var and row[code_var]:
            try:
                code = normalise_p442(row[code_var])
            except ValueError as exc:
                raise InputError(f"{path}:{line}: {exc}") from None
        if code is not None and code in divisions:
            out[(code, "wikidata", qid)] = PlaceLink(
                code, "wikidata", qid, "exactMatch", 1.0, f"P442 {row[code_var]}", source)
            if gid:
                out[(code, "geonames", gid)] = PlaceLink(
                    code, "geonames", gid, "exactMatch", 1.0, f"P1566 of {qid}", source)
        elif code is None and gid and gid in by_geonames:
            linked = by_geonames[gid]
            out[(linked, "wikidata", qid)] = PlaceLink(
                linked, "wikidata", qid, "exactMatch", 0.9, f"P1566 {gid} = the place's GeoNames link", source)
    return [out[k] for k in sorted(out)]
