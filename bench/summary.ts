/**
 * bench/results/SUMMARY.md from the results files: one table of the key figures of each benchmark with what
 * each means, the machine, and the command to reproduce. Benchmarks it does not know get their top-level
 * numbers listed, so a new `bench:<name>` shows up without changes here.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { machine } from './lib/machine.ts';

export interface RunRecord {
  name: string;
  /** ran: fresh result from this run; earlier: result file from a previous run; failed; missing: no script. */
  state: 'ran' | 'earlier' | 'failed' | 'missing';
  file: string;
  seconds?: number;
  exitCode?: number | null;
}

// Results are read loosely: a renamed field shows as "—", never a crash.
// biome-ignore lint/suspicious/noExplicitAny: JSON written by other scripts, read defensively
type Json = Record<string, any>;
type Row = [figure: string, value: string, meaning: string];

const fmt = (value: unknown, unit = ''): string => {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  if (typeof value === 'number')
    return `${value.toLocaleString('en-US', { maximumFractionDigits: 3 })}${unit}`;
  return `${String(value)}${unit}`;
};
const yes = (met: unknown) => (met === true ? 'met' : met === false ? '**not met**' : '—');

function apiRows(r: Json): Row[] {
  const rows: Row[] = [];
  const server = (run: Json) =>
    `${fmt(run?.rps)} req/s · p50 ${fmt(run?.p50_ms)} ms · p99 ${fmt(run?.p99_ms)} ms · ${fmt(run?.server_cpu_ms_per_request)} ms CPU/req · ${fmt(run?.errors)} errors`;
  for (const level of r.levels ?? []) {
    const c = level.connections;
    rows.push([
      `dashboard @ ${c} conn: API`,
      server(level.api),
      'GraphQL API process (NODE_ENV=production), autocannon from a second process',
    ]);
    rows.push([
      `dashboard @ ${c} conn: PostGraphile`,
      server(level.postgraphile),
      'the peer: PostGraphile 5 over the same database, same data (bench/peer/)',
    ]);
    rows.push([
      `dashboard @ ${c} conn: floor`,
      server(level.floor),
      'same JSON from hand-written SQL on plain node:http (the fastest way to serve it here)',
    ]);
    rows.push([
      `ratios @ ${c} conn`,
      `API/floor ${fmt(level.throughput_ratio_api_over_floor)} · PostGraphile/floor ${fmt(level.throughput_ratio_postgraphile_over_floor)} · API/PostGraphile ${fmt(level.throughput_ratio_api_over_postgraphile)} · CPU API/floor ${fmt(level.cpu_ratio_api_over_floor)}`,
      "throughput shares, and the API's CPU per request over the floor's",
    ]);
  }
  const b = r.budget;
  if (b) {
    rows.push([
      `budget: 100 conn offered ${fmt(b.offered_rps)} req/s`,
      `p99 API ${fmt(b.api?.p99_ms, ' ms')} · PostGraphile ${fmt(b.postgraphile?.p99_ms, ' ms')} · floor ${fmt(b.floor?.p99_ms, ' ms')}`,
      `half the API's saturated rate (${fmt(b.api_saturated_rps)} req/s), open loop`,
    ]);
  }
  const t = r.targets ?? {};
  const list = (value: unknown) => (Array.isArray(value) ? value.map((v) => fmt(v)).join(' / ') : fmt(value));
  const goals: [string, string, string][] = [
    ['throughput_ratio_api_over_floor_at_50_and_100', 'API/floor throughput ≥ 0.6 @ 50, 100 conn', ''],
    ['cpu_per_request_api_over_floor_at_50_and_100', 'API CPU/request ≤ 2.5× floor @ 50, 100 conn', ''],
    ['throughput_api_over_postgraphile_at_50_and_100', 'API ≥ PostGraphile throughput @ 50, 100 conn', ''],
    ['budget_p99_ms_at_half_rate', 'budget p99 < 200 ms at half rate', ' ms'],
    ['sql_statements_per_request', 'SQL statements per request ≤ 4', ''],
  ];
  for (const [key, label, unit] of goals) {
    if (!t[key]) continue;
    rows.push([`target: ${label}`, `${list(t[key].measured)}${unit} (${yes(t[key].met)})`, 'issue 18']);
  }
  const s = r.sql_statements_per_request ?? {};
  rows.push([
    'SQL statements per dashboard request',
    `5 rooms: ${fmt(s.batching_on?.rooms_5)} · 50 rooms: ${fmt(s.batching_on?.rooms_50)}`,
    'with DataLoader batching (constant in the number of rooms)',
  ]);
  rows.push([
    'SQL statements, batching off',
    `5 rooms: ${fmt(s.batching_off?.rooms_5)} · 50 rooms: ${fmt(s.batching_off?.rooms_50)}`,
    'DATALOADER_BATCHING=off (benchmark only): the N+1 that batching avoids',
  ]);
  const top = (r.profile?.by_package ?? []).slice(0, 5);
  if (top.length) {
    rows.push([
      'API CPU profile, top self time',
      top.map((p: Json) => `${p.package} ${fmt(p.share)}%`).join(' · '),
      'share of busy CPU under load (node --cpu-prof, bench/results/profiles)',
    ]);
  }
  return rows;
}

function ingestRows(r: Json): Row[] {
  const total = r.extraction?.total ?? {};
  const hundred = r.hundred_page_pdf ?? {};
  const latency = r.api_latency ?? {};
  return [
    [
      'PDF extraction',
      `${fmt(total.ours_pages_per_s)} pages/s vs pdftotext ${fmt(total.pdftotext_pages_per_s)} (×${fmt(total.ratio_ours_over_pdftotext)} its time)`,
      `corpus PDFs (${fmt(total.pages)} pages), pdf.js in-process beside poppler on the same files`,
    ],
    [
      '100-page PDF upload → READY',
      `${fmt(hundred.median_ms_to_ready, ' ms')} (target ${fmt(hundred.target_ms, ' ms')}: ${yes(hundred.meets_target)})`,
      'median end to end through the API: upload, extract, chunk, embed, index',
    ],
    [
      '`{ me { id } }` p99 idle / during ingest',
      `${fmt(latency.idle?.p99_ms, ' ms')} / ${fmt(latency.during_ingest?.p99_ms, ' ms')}`,
      'API responsiveness while a large PDF is ingested in the same process',
    ],
  ];
}

function streamRows(r: Json): Row[] {
  const rows: Row[] = (r.runs ?? []).flatMap((run: Json) =>
    (run.levels ?? []).map((level: Json) => [
      `answer stream (${level.selection}) @ ${level.concurrency} streams, coalesce ${run.coalesceMs} ms`,
      `p50 ${fmt(level.p50_ms, ' ms')} · p99 ${fmt(level.p99_ms, ' ms')} · ${fmt(level.cpuPerTokenMs, ' ms')} API CPU/token · ${fmt(level.events)} events for ${fmt(level.tokens)} tokens`,
      'token written by the LLM → delivered to a graphql-ws subscriber',
    ]),
  );
  if (r.target)
    rows.push([
      'target',
      fmt(JSON.stringify(r.target)),
      'issue 18: p99 at 50 and 200 streams, CPU per token',
    ]);
  return rows;
}

function retrievalRows(r: Json): Row[] {
  return (r.runs ?? []).map((run: Json) => [
    `${r.dataset ?? 'retrieval'}: ${run.store}`,
    run.error
      ? `failed: ${run.error}`
      : `nDCG@10 ${fmt(run['ndcg@10'])} · recall@100 ${fmt(run['recall@100'])} · query p50 ${fmt(run.query_p50_ms, ' ms')} · index ${fmt(run.index_docs_per_s)} docs/s`,
    `hybrid search quality and speed (alpha ${fmt(run.alpha)}, embedder ${fmt(run.embedder)})`,
  ]);
}

function memoryRows(r: Json): Row[] {
  if (r.skipped) return [['memory', 'skipped', String(r.skipped)]];
  return [
    [
      'API RSS while ingesting',
      `peak ${fmt(r.rss_mib?.peak, ' MiB')} (idle ${fmt(r.rss_mib?.idle, ' MiB')}, after ${fmt(r.rss_mib?.after, ' MiB')})`,
      `${fmt(r.settings?.files)} corpus PDFs uploaded at once to one ROLE=all process; VmRSS every 100 ms`,
    ],
    [
      'ingest of those PDFs',
      `${fmt(r.ingest?.ready)} READY · ${fmt(r.ingest?.failed)} FAILED · ${fmt(r.ingest?.pages)} pages in ${fmt(r.ingest?.wall_ms, ' ms')}`,
      'FAILED are the corpus files that are meant to fail (scanned, damaged, encrypted)',
    ],
    [
      '`{ me { id } }` p99 idle / during that ingest',
      `${fmt(r.api_latency?.idle?.p99_ms, ' ms')} / ${fmt(r.api_latency?.during_ingest?.p99_ms, ' ms')}`,
      'one request at a time from a second process',
    ],
  ];
}

/** Any other benchmark: its top-level numbers and those one level down, as they are. */
function genericRows(r: Json): Row[] {
  const rows: Row[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (rows.length >= 10) return;
    if (typeof value === 'number' || typeof value === 'boolean') rows.push([path, fmt(value), '']);
    else if (value && typeof value === 'object' && !Array.isArray(value) && depth < 2) {
      for (const [key, inner] of Object.entries(value)) {
        if (key !== 'machine' && key !== 'settings') visit(inner, path ? `${path}.${key}` : key, depth + 1);
      }
    }
  };
  visit(r, '', 0);
  return rows.length ? rows : [['result', 'see the JSON file', '']];
}

const EXTRACTORS: Record<string, (r: Json) => Row[]> = {
  api: apiRows,
  ingest: ingestRows,
  stream: streamRows,
  retrieval: retrievalRows,
  memory: memoryRows,
};

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderSummary(
  records: RunRecord[],
  run: {
    startedAt: Date;
    machineAtStart: ReturnType<typeof machine>;
    machineAtEnd: ReturnType<typeof machine>;
    command: string;
  },
): string {
  const m = run.machineAtStart;
  const lines = [
    '# Benchmark summary',
    '',
    `Written by \`${run.command}\` on ${run.startedAt.toISOString()}. Reproduce: \`npm install && npm run bench\``,
    '(one benchmark: `npm run bench:<name>`; results in `bench/results/<name>.json`; see docs/performance.md).',
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memory_gib} GiB, Node ${m.node}; load average ${m.loadavg.join(' / ')} at start,` +
      ` ${run.machineAtEnd.loadavg.join(' / ')} at end (1/5/15 min). The machine is shared: compare figures within`,
    'one run (API beside floor, idle beside loaded), not absolute times across runs.',
    '',
    '| benchmark | figure | value | what it means |',
    '|---|---|---|---|',
  ];
  for (const record of records) {
    if (record.state === 'missing' || !existsSync(record.file)) {
      lines.push(`| ${record.name} | — | missing | no \`bench:${record.name}\` script or result yet |`);
      continue;
    }
    let result: Json;
    try {
      result = JSON.parse(readFileSync(record.file, 'utf8')) as Json;
    } catch {
      lines.push(`| ${record.name} | — | unreadable | ${record.file} is not JSON |`);
      continue;
    }
    const when =
      record.state === 'ran'
        ? `this run, ${fmt(record.seconds, ' s')}`
        : record.state === 'failed'
          ? `**failed in this run** (exit ${record.exitCode}); figures from ${result.date ?? 'an earlier run'}`
          : `earlier run${result.date ? `, ${result.date}` : ''}`;
    const rows = (EXTRACTORS[record.name] ?? genericRows)(result);
    rows.forEach(([figure, value, meaning], i) => {
      const name = i === 0 ? `**${record.name}** (${when})` : '';
      lines.push(`| ${name} | ${cell(figure)} | ${cell(value)} | ${cell(meaning)} |`);
    });
  }
  lines.push('');
  return lines.join('\n');
}
