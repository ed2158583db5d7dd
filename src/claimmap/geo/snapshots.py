"""Dated control-map snapshots: found in a folder, read into held and grey polygons.

Reads a folder of snapshots in either of two formats, told apart by file name:

- ``YYYY-MM-DD.geojson``: a control file as in ``shared/data/geo/control/``, one
  feature per polygon with ``holder`` (``RU``, ``UA``, or null for the grey zone),
  ``status`` (``held`` or ``contested``) and optionally ``country`` (where the
  polygon lies);
- ``<unix time>.geojson``: a DeepStateMap history snapshot as published, every
  layer mixed (:mod:`claimmap.geo.deepstate` sorts them out).

Writes :class:`SnapshotFile` (cheap: name, date, content hash, no parsing) and
:class:`Snapshot` records, plus findings for what was repaired or dropped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from shapely.geometry.base import BaseGeometry

from claimmap.errors import InputError
from claimmap.geo.geojson import (
    clean_polygonals,
    read_bytes,
    read_collection,
    read_polygon_collection,
    to_geometries,
)
from claimmap.geo.regions import Regions, locate
from claimmap.model import ControlStatus, Finding, Holder


class SnapshotFormat(StrEnum):
    """The two snapshot formats claimmap reads."""

    CONTROL = "control"
    DEEPSTATE = "deepstate"


_CONTROL_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})\.geojson$")
_DEEPSTATE_NAME = re.compile(r"^(\d{9,11})\.geojson$")


@dataclass(frozen=True, slots=True, kw_only=True)
class SnapshotFile:
    """One snapshot file, found but not parsed.

    ``date`` is the map's date: the file name's for control files, the UTC day of
    the publication time for DeepStateMap files. ``content_hash`` is the SHA-256
    of the bytes; cached areas are keyed by it.
    """

    path: Path
    date: date
    format: SnapshotFormat
    published: datetime | None
    content_hash: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class ControlFeature:
    """One polygon of a snapshot: who holds it, or nobody (``contested``).

    ``country`` is where it lies (ISO 3166-1), None when unknown.
    """

    holder: Holder | None
    status: ControlStatus
    geometry: BaseGeometry
    layer: str = ""
    country: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Snapshot:
    """A parsed snapshot: its polygons, ready to be measured."""

    file: SnapshotFile
    features: tuple[ControlFeature, ...]


def _named(path: Path) -> tuple[date, SnapshotFormat, datetime | None] | None:
    """The map date, format and publication time a file name gives, if it is a snapshot's."""
    control = _CONTROL_NAME.match(path.name)
    if control:
        try:
            return date.fromisoformat(control.group(1)), SnapshotFormat.CONTROL, None
        except ValueError:
            return None
    deepstate = _DEEPSTATE_NAME.match(path.name)
    if deepstate:
        published = datetime.fromtimestamp(int(deepstate.group(1)), tz=UTC)
        return published.date(), SnapshotFormat.DEEPSTATE, published
    return None


def snapshot_file(path: str | Path) -> SnapshotFile | None:
    """Return a SnapshotFile for ``path``, or None when its name is neither format.

    Raise InputError when the file cannot be read.
    """
    path = Path(path)
    named = _named(path)
    if named is None:
        return None
    day, kind, published = named
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    return SnapshotFile(path=path, date=day, format=kind, published=published, content_hash=digest)


def list_snapshots(
    folder: str | Path, *, start: date | None = None, end: date | None = None
) -> tuple[list[SnapshotFile], list[Finding]]:
    """Return the snapshots in ``folder`` dated ``start``..``end`` (inclusive), by date.

    Files named in neither format give a ``snapshot-name`` finding. Where several
    snapshots share a date, the one published last is used (a control file counts
    as published at the end of its day); a control file that shares its date with
    another snapshot gives a ``snapshot-duplicate-date`` finding (several
    DeepStateMap snapshots a day are normal and pass silently). Files outside the
    dates are not read. Raise InputError when ``folder`` is not
    a readable folder.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder of snapshots")
    chosen: dict[date, tuple[tuple[datetime, str], Path, SnapshotFormat]] = {}
    findings: list[Finding] = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() or path.name.startswith("."):
            continue
        named = _named(path)
        if named is None:
            findings.append(
                Finding(
                    code="snapshot-name",
                    message="not a snapshot name (YYYY-MM-DD.geojson or <unix time>.geojson)",
                    path=str(path),
                )
            )
            continue
        day, kind, published = named
        # Dates come from names, so files outside the range are never read (an
        # archive folder holds thousands).
        if (start is not None and day < start) or (end is not None and day > end):
            continue
        entry = (_publication_order(day, published, path.name), path, kind)
        other = chosen.get(day)
        if other is None:
            chosen[day] = entry
            continue
        keep, drop = (entry, other) if entry[0] > other[0] else (other, entry)
        chosen[day] = keep
        # DeepStateMap publishes several maps on some days, so an archive folder holds
        # many per date: only a clash with a control file is worth a word.
        if SnapshotFormat.CONTROL in (keep[2], drop[2]):
            findings.append(
                Finding(
                    code="snapshot-duplicate-date",
                    message=f"another snapshot of {day} is used: {keep[1].name}",
                    path=str(drop[1]),
                )
            )
    found: dict[date, SnapshotFile] = {}
    for day, (_, path, _) in chosen.items():
        item = snapshot_file(path)
        assert item is not None
        found[day] = item
    return [found[day] for day in sorted(found)], findings


def _publication_order(day: date, published: datetime | None, name: str) -> tuple[datetime, str]:
    end_of_day = datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=UTC)
    return (published or end_of_day, name)


def read_snapshot(item: SnapshotFile, *, regions: Regions) -> tuple[Snapshot, list[Finding]]:
    """Parse one snapshot; raise InputError when it is not a FeatureCollection.

    ``regions`` locate polygons whose file does not say where they lie (which
    country decides whether a side is drawn there, and whether a DeepStateMap
    "Liberated" polygon is held ground or a history overlay).
    """
    return SnapshotReader(regions=regions).read(item)


class SnapshotReader:
    """Reads snapshots one after another, as :func:`read_snapshot` reads one.

    Maps a few days apart repeat most of their polygons: a polygon of a control
    file with the same numbers, nested alike, as one of the snapshot read before
    (and valid there) is that polygon again, the same object, not built into a
    feature and tested for validity anew.
    """

    def __init__(self, *, regions: Regions) -> None:
        self.regions = regions
        self._known: dict[bytes, BaseGeometry] = {}
        self._keys: dict[int, tuple[BaseGeometry, bytes]] = {}

    def key_of(self, geometry: BaseGeometry) -> bytes | None:
        """Return the content key of a polygon of the last snapshot read, valid as read.

        A hash of its numbers and their nesting: the same for the same polygon in any
        file of the series. None for a polygon repaired or not read here.
        """
        known = self._keys.get(id(geometry))
        return known[1] if known is not None and known[0] is geometry else None

    def read(self, item: SnapshotFile) -> tuple[Snapshot, list[Finding]]:
        """Parse one snapshot; raise InputError when it is not a FeatureCollection."""
        path = str(item.path)
        if item.format is SnapshotFormat.DEEPSTATE:
            from claimmap.geo.deepstate import deepstate_features

            document = read_collection(item.path)
            features, findings = deepstate_features(document, path=path, regions=self.regions)
            self._keys = {}
            return Snapshot(file=item, features=tuple(features)), findings
        data = read_bytes(item.path)
        plain = read_polygon_collection(data)
        if plain is None:
            document = read_collection(item.path, data)
            features, findings, self._known = _control_features(document["features"], path=path)
        else:
            features, findings, self._known = _control_features(
                [{"properties": p} for p in plain.properties],
                path=path,
                built=plain.polygons,
                keys=plain.keys,
                known=self._known,
            )
        self._keys = {id(geometry): (geometry, key) for key, geometry in self._known.items()}
        features = locate_features(features, regions=self.regions)
        return Snapshot(file=item, features=tuple(features)), findings


_HOLDERS = {"RU": Holder.RU, "UA": Holder.UA, None: None, "": None}


def _control_features(
    raw: list[Any],
    *,
    path: str,
    built: list[BaseGeometry] | None = None,
    keys: list[bytes] | None = None,
    known: dict[bytes, BaseGeometry] | None = None,
) -> tuple[list[ControlFeature], list[Finding], dict[bytes, BaseGeometry]]:
    """Judge a control file's features.

    ``built`` holds their polygons where already built, ``keys`` their content
    keys, and ``known`` the valid polygons of the file read before by key. Return
    the features, the findings and this file's valid polygons by key.
    """
    # Each feature's own findings, in file order; geometries are built all at once.
    problems: list[list[Finding]] = []
    kept: list[tuple[int, Holder | None, ControlStatus, dict[str, Any]]] = []
    shapes: list[Any] = []
    for number, feature in enumerate(raw, start=1):
        what = f"feature {number}"
        problems.append([])
        if not isinstance(feature, dict):
            problems[-1].append(
                Finding(code="geometry-unsupported", message=f"{what}: not a Feature", path=path)
            )
            continue
        properties = feature.get("properties")
        properties = properties if isinstance(properties, dict) else {}
        holder_value = properties.get("holder")
        if holder_value not in _HOLDERS:
            problems[-1].append(
                Finding(
                    code="holder-unknown",
                    message=f"{what}: holder {holder_value!r} is not RU, UA or null; dropped",
                    path=path,
                )
            )
            continue
        holder = _HOLDERS[holder_value]
        status = ControlStatus.CONTESTED if holder is None else ControlStatus.HELD
        if holder is not None and properties.get("status") == "contested":
            # A grey zone is nobody's, whatever holder a file writes beside it.
            holder, status = None, ControlStatus.CONTESTED
        kept.append((number, holder, status, properties))
        shapes.append(feature.get("geometry") if built is None else built[number - 1])
    whats = [f"feature {number}" for number, *_ in kept]
    if built is None:
        cleaned = clean_polygonals(to_geometries(shapes), path=path, whats=whats)
    elif keys is None or not known:
        cleaned = clean_polygonals(shapes, path=path, whats=whats)
    else:
        cleaned = _cleaned(shapes, whats, [keys[n - 1] for n, *_ in kept], path=path, known=known)
    features: dict[int, ControlFeature] = {}
    valid: dict[bytes, BaseGeometry] = {}
    for (number, holder, status, properties), (geometry, found) in zip(kept, cleaned, strict=True):
        problems[number - 1].extend(found)
        if geometry is None:
            continue
        if keys is not None and not found:
            valid[keys[number - 1]] = geometry
        country = properties.get("country")
        features[number] = ControlFeature(
            holder=holder,
            status=status,
            geometry=geometry,
            layer=str(properties.get("layer") or ""),
            country=country if isinstance(country, str) and country else None,
        )
    return list(features.values()), [f for found in problems for f in found], valid


def _cleaned(
    shapes: list[BaseGeometry],
    whats: list[str],
    keys: list[bytes],
    *,
    path: str,
    known: dict[bytes, BaseGeometry],
) -> list[tuple[BaseGeometry | None, list[Finding]]]:
    """Return :func:`clean_polygonals` of the shapes, taking those known by key as they were."""
    out: list[tuple[BaseGeometry | None, list[Finding]]] = [(known.get(k), []) for k in keys]
    fresh = [n for n, (geometry, _) in enumerate(out) if geometry is None]
    found = clean_polygonals([shapes[n] for n in fresh], path=path, whats=[whats[n] for n in fresh])
    for n, result in zip(fresh, found, strict=True):
        out[n] = result
    return out


def locate_features(features: list[ControlFeature], *, regions: Regions) -> list[ControlFeature]:
    """Return the features with ``country`` filled in from the regions where it is missing."""
    located = []
    for feature in features:
        if feature.country is None:
            feature = ControlFeature(
                holder=feature.holder,
                status=feature.status,
                geometry=feature.geometry,
                layer=feature.layer,
                country=locate(feature.geometry, regions),
            )
        located.append(feature)
    return located
