"""Decide ledger rows with z3: minimal conflicting sets of claims, and tight bounds.

Reads :class:`~claimmap.reason.ledger.Row` records over real unknowns and writes
minimal unsatisfiable subsets of claims (:func:`minimal_conflicts`, z3 unsat cores
shrunk to minimal and enumerated with the MARCO algorithm of Liffiton et al.) and
the range an unknown can take (:func:`tightest_interval`, z3's optimizer). Background
rows are hard; each claim's rows are switched on by one tracking literal, so a core
is a set of claims.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator, Sequence
from fractions import Fraction
from typing import Any

import z3

from claimmap.reason.intervals import Interval
from claimmap.reason.ledger import RULES, Row

# z3's Python objects carry no annotations.
Expr = Any


def _constraints(row: Row, variables: dict[str, Expr]) -> list[Expr]:
    total = z3.Sum([variables[key] * z3.Q(c.numerator, c.denominator) for key, c in row.terms])
    out = []
    if row.lo is not None:
        out.append(total >= z3.Q(row.lo.numerator, row.lo.denominator))
    if row.hi is not None:
        out.append(total <= z3.Q(row.hi.numerator, row.hi.denominator))
    return out


def _variables(rows: Sequence[Row]) -> dict[str, Expr]:
    keys = sorted({key for row in rows for key, _ in row.terms})
    return {key: z3.Real(key) for key in keys}


class _Problem:
    """The rows, with a tracking literal per claim and one per background rule."""

    def __init__(self, rows: Sequence[Row], claims: Collection[str]) -> None:
        self.variables = _variables(rows)
        self.solver = z3.Solver()
        self.literals: dict[str, Expr] = {}
        for row in rows:
            literal = self.literals.get(row.origin)
            if literal is None:
                literal = self.literals[row.origin] = z3.Bool(f"use:{row.origin}")
            for constraint in _constraints(row, self.variables):
                self.solver.add(z3.Implies(literal, constraint))
        self.claims = [c for c in claims if c in self.literals]
        # Claims outside the set under study stay off: only background rules are on.
        self.rules = [name for name in self.literals if name in RULES]

    def sat(self, claims: Collection[str], rules: Collection[str] | None = None) -> bool:
        on = self.rules if rules is None else rules
        assumptions = [self.literals[name] for name in (*claims, *on)]
        return bool(self.solver.check(*assumptions) == z3.sat)

    def core(self, claims: Collection[str]) -> list[str]:
        assumptions = [self.literals[name] for name in (*claims, *self.rules)]
        if self.solver.check(*assumptions) != z3.unsat:
            raise ValueError("the claims are consistent; there is no core")
        names = {str(lit): name for name, lit in self.literals.items()}
        core = {names[str(lit)] for lit in self.solver.unsat_core()}
        return [c for c in claims if c in core]

    def shrink(self, claims: Sequence[str]) -> list[str]:
        """Return a minimal unsatisfiable subset of ``claims`` (which must conflict)."""
        current = self.core(claims)
        for claim in list(current):
            trial = [c for c in current if c != claim]
            if not self.sat(trial):
                current = self.core(trial)
        return current


def minimal_conflicts(
    rows: Sequence[Row], claims: Sequence[str], /, *, limit: int
) -> Iterator[list[str]]:
    """Yield minimal sets of claims whose rows, with all background rows, have no solution.

    Each set is minimal: without any one of its claims the rest are consistent. The
    search stops after ``limit`` sets.
    """
    problem = _Problem(rows, claims)
    names = problem.claims
    if not names or problem.sat(names):
        return
    # MARCO: a map solver over "which claims are switched on" proposes seeds; a
    # consistent seed is grown to a maximal consistent set and blocked downwards,
    # an inconsistent one is shrunk to a minimal conflict and blocked upwards.
    switch = {name: z3.Bool(f"on:{name}") for name in names}
    seeds = z3.Solver()
    found = 0
    while found < limit and seeds.check() == z3.sat:
        model = seeds.model()
        seed = [n for n in names if not z3.is_false(model.eval(switch[n], model_completion=False))]
        if problem.sat(seed):
            grown = list(seed)
            for name in names:
                if name not in grown and problem.sat([*grown, name]):
                    grown.append(name)
            seeds.add(
                z3.Or([switch[n] for n in names if n not in grown])
                if len(grown) < len(names)
                else z3.BoolVal(False)
            )
        else:
            conflict = problem.shrink(seed)
            found += 1
            yield conflict
            seeds.add(z3.Or([z3.Not(switch[n]) for n in conflict]))


def rules_needed(rows: Sequence[Row], claims: Sequence[str], /) -> list[str]:
    """Return the background rules without which ``claims`` would no longer conflict."""
    problem = _Problem(rows, claims)
    needed = []
    for rule in problem.rules:
        others = [r for r in problem.rules if r != rule]
        if problem.sat(claims, others):
            needed.append(rule)
    return needed


def tightest_interval(rows: Sequence[Row], key: str, /) -> Interval | None:
    """Return the least and greatest value ``key`` can take under ``rows``; None if none.

    An unbounded side comes back as ``math.inf`` (``-math.inf``).
    """
    variables = _variables(rows)
    if key not in variables:
        return None
    ends = []
    for goal in ("min", "max"):
        optimizer = z3.Optimize()
        for row in rows:
            for constraint in _constraints(row, variables):
                optimizer.add(constraint)
        target = variables[key]
        handle = optimizer.minimize(target) if goal == "min" else optimizer.maximize(target)
        if optimizer.check() != z3.sat:
            return None
        ends.append(_value(handle.value(), goal))
    return Interval(lo=ends[0], hi=ends[1])


def _value(expr: Expr, goal: str) -> float:
    text = str(expr)
    if "oo" in text:
        return -math.inf if goal == "min" else math.inf
    if "epsilon" in text:
        raise ValueError(f"strict bound in a ledger of closed rows: {text}")
    if z3.is_int_value(expr):
        return float(expr.as_long())
    return float(Fraction(expr.numerator_as_long(), expr.denominator_as_long()))
