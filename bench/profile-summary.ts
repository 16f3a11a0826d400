/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function and per package, the
 * share of the busy (non-idle) time each takes. `node bench/profile-summary.ts <file> [top]` prints JSON.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  busy_ms: number;
  idle_ms: number;
  top_functions: { function: string; where: string; self_ms: number; share: number }[];
  by_package: { package: string; self_ms: number; share: number }[];
}

/** `node_modules/@scope/name/...` → `@scope/name`; project files → their top folder; builtins → `node:`. */
function packageOf(url: string): string {
  if (!url) return '(native/vm)';
  if (url.startsWith('node:')) return 'node: (builtins)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const project = /\/(src|schema|loaders|resolvers|bench)\//.exec(path);
  return project ? `project ${project[1]}/` : path;
}

function shortWhere(url: string, line: number): string {
  const modules = url.lastIndexOf('node_modules/');
  const tail = modules >= 0 ? url.slice(modules + 'node_modules/'.length) : url.replace(/^.*\/main\//, '');
  return tail ? `${tail}:${line + 1}` : '';
}

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const functions = new Map<string, { function: string; where: string; us: number }>();
  const packages = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') {
      // (program) is time V8 cannot attribute to JS: mostly the event loop waiting in epoll.
      idle += us;
      continue;
    }
    busy += us;
    const name = functionName || '(anonymous)';
    const key = `${name}@${url}:${lineNumber}`;
    const entry = functions.get(key) ?? { function: name, where: shortWhere(url, lineNumber), us: 0 };
    entry.us += us;
    functions.set(key, entry);
    const pkg = name === '(garbage collector)' ? '(garbage collector)' : packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const share = (us: number) => Math.round((us / busy) * 1000) / 10;
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    busy_ms: ms(busy),
    idle_ms: ms(idle),
    top_functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((entry) => ({
        function: entry.function,
        where: entry.where,
        self_ms: ms(entry.us),
        share: share(entry.us),
      })),
    by_package: [...packages.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([pkg, us]) => ({ package: pkg, self_ms: ms(us), share: share(us) })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/profile-summary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(JSON.stringify(summarizeProfile(file, Number(top ?? 25)), null, 2));
}
