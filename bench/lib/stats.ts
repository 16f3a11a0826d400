/** The p-th percentile (0..100) by nearest rank, the convention latency reports use. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const round = (value: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export function latencySummary(samples: number[]) {
  return {
    requests: samples.length,
    p50_ms: round(percentile(samples, 50), 2),
    p90_ms: round(percentile(samples, 90), 2),
    p99_ms: round(percentile(samples, 99), 2),
    max_ms: round(Math.max(...samples), 2),
  };
}
