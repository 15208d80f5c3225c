"""The sector's figures: quartiles across the organizations of the deployment, never naming one.

Each organization brings only the values its own report shows (each already resting on k reports or more). A
figure appears only where at least CONFIDE_INSIGHT_BENCHMARK_MIN organizations bring it. Each quartile is drawn
with OpenDP's private quantile (exponential mechanism over a fixed grid of candidates, an organization being the
unit of privacy, epsilon CONFIDE_INSIGHT_EPSILON per quartile), so that no single organization's value can be
read off the benchmark, and it is drawn once per period and stored: asking again must not average the noise."""

import opendp.prelude as dp

dp.enable_features("contrib")

QUARTILES = (0.25, 0.5, 0.75)
# Data-independent candidates (a grid chosen from the data would leak it).
CANDIDATES = {
    "per_100_staff": [x / 2 for x in range(0, 201)],  # 0 to 100 reports per 100 staff
    "anonymous_share": [x / 100 for x in range(0, 101)],
    "came_back_share": [x / 100 for x in range(0, 101)],
    "deadlines_met_share": [x / 100 for x in range(0, 101)],
    "acknowledge_days": [float(x) for x in range(0, 366)],
    "close_days": [float(x) for x in range(0, 731)],
}


def _quantile(values: list[float], *, candidates: list[float], alpha: float, epsilon: float) -> float:
    measurement = dp.m.make_private_quantile(
        dp.vector_domain(dp.atom_domain(T=float, nan=False)),
        dp.symmetric_distance(),
        dp.max_divergence(),
        candidates=candidates,
        alpha=alpha,
        scale=1.0 / epsilon,
    )
    return float(measurement([float(v) for v in values]))


def benchmark_compute(contributions: list[dict[str, float]], *, minimum: int, epsilon: float) -> dict:
    figures: dict = {"minimum": minimum, "epsilon": epsilon, "metrics": {}}
    for key, candidates in CANDIDATES.items():
        values = [c[key] for c in contributions if key in c]
        if len(values) < minimum:
            figures["metrics"][key] = None
            continue
        quartiles = sorted(_quantile(values, candidates=candidates, alpha=a, epsilon=epsilon) for a in QUARTILES)
        figures["metrics"][key] = {"organizations": len(values), "quartiles": quartiles}
    return figures


def standing(value: float | None, metric: dict | None) -> str | None:
    """Where one organization stands against the sector's quartiles: "q1" (lowest quarter) to "q4"."""
    if value is None or metric is None:
        return None
    q1, q2, q3 = metric["quartiles"]
    return "q1" if value < q1 else "q2" if value < q2 else "q3" if value < q3 else "q4"
