/**
 * What an earlier run left in a data directory's `postmaster.pid`, and what to do about it. PostgreSQL
 * writes that file when it starts (first line: its pid) and removes it when it stops, so a file that is
 * still there means either a server is running on the directory or one died without cleaning up.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StartupError } from '../startup-error.ts';

export type EarlierServer =
  | { state: 'none' }
  /** The file names a pid that is gone, or now belongs to an unrelated process (pid reuse), or is garbage. */
  | { state: 'stale'; pid?: number }
  /** A postgres still serving this directory whose parent died (`kill -9`, OOM killer): nobody uses it. */
  | { state: 'orphan'; pid: number; port?: number }
  /** A postgres serving this directory for another live process (a second instance on the same DATA_DIR). */
  | { state: 'held'; pid: number; ownerPid?: number; port?: number };

export function inspectEarlierServer(dataDir: string): EarlierServer {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return { state: 'none' };
  const [pidLine, , , portLine] = readFileSync(file, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0) return { state: 'stale' };
  if (!isRunning(pid)) return { state: 'stale', pid };
  const info = processInfo(pid);
  const port = Number(portLine) || undefined;
  if (!info) return { state: 'held', pid, port }; // alive, but not ours to inspect (another OS user): hands off
  if (!servesDirectory(info, dataDir)) return { state: 'stale', pid };
  const parent = info.ppid > 1 && isRunning(info.ppid) ? processInfo(info.ppid) : undefined;
  // Our servers are children of a node process; once it dies the child is re-parented to init or a
  // subreaper (systemd --user, tini), never to another node.
  if (parent && /^node/.test(basename(parent.executable)))
    return { state: 'held', pid, ownerPid: info.ppid, port };
  return { state: 'orphan', pid, port };
}

/**
 * Leaves the directory free for a new server: an orphan is stopped with a fast shutdown (SIGINT: open
 * transactions roll back, everything committed is kept), a stale lock file is removed as PostgreSQL
 * removes one whose pid is gone (it cannot tell a reused pid; we can, so we also remove those). A
 * directory held by a live process is refused with a StartupError. Returns what it did, for the log.
 */
export async function releaseEarlierServer(dataDir: string): Promise<string | undefined> {
  const earlier = inspectEarlierServer(dataDir);
  switch (earlier.state) {
    case 'none':
      return undefined;
    case 'stale':
      rmSync(join(dataDir, 'postmaster.pid'), { force: true });
      return `removed a stale postmaster.pid (${earlier.pid ? `pid ${earlier.pid} is no longer PostgreSQL` : 'unreadable'})`;
    case 'held':
      throw new StartupError(
        `The embedded PostgreSQL data directory ${dataDir} is in use by another running process` +
          `${earlier.ownerPid ? ` (pid ${earlier.ownerPid})` : ` (PostgreSQL pid ${earlier.pid})`}: stop it, ` +
          'or set DATA_DIR to another directory for this instance.',
      );
    case 'orphan':
      await stopOrphan(dataDir, earlier.pid);
      return `stopped the PostgreSQL left running by an earlier run (pid ${earlier.pid}${earlier.port ? `, port ${earlier.port}` : ''})`;
  }
}

async function stopOrphan(dataDir: string, pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 30_000], // fast shutdown
    ['SIGQUIT', 5_000], // immediate shutdown: the next start replays the WAL, nothing committed is lost
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isRunning(pid) || !existsSync(join(dataDir, 'postmaster.pid'))) return;
      await sleep(100);
    }
  }
  throw new StartupError(
    `The PostgreSQL left running by an earlier run (pid ${pid}) on ${dataDir} did not stop: ` +
      `stop it by hand (kill ${pid}) and start again.`,
  );
}

/** Running, and not a zombie (a dead child nobody has reaped yet still answers `kill -0`). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return processInfo(pid)?.state !== 'Z';
}

interface ProcessInfo {
  ppid: number;
  state?: string;
  executable: string;
  command: string;
  cwd?: string;
}

/** From /proc on Linux, from `ps` elsewhere (macOS); undefined when the process is not ours to read. */
function processInfo(pid: number): ProcessInfo | undefined {
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so split after the last `)`.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return {
        ppid: Number(ppid),
        state,
        executable: readlinkSync(`/proc/${pid}/exe`),
        command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '),
        cwd: readlinkSync(`/proc/${pid}/cwd`),
      };
    } catch {
      return undefined;
    }
  }
  try {
    const out = execFileSync('ps', ['-o', 'ppid=,stat=,comm=', '-p', String(pid)], { encoding: 'utf8' });
    const command = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const [ppid, state, executable] = out.trim().split(/\s+/);
    return { ppid: Number(ppid), state: state?.[0], executable: executable ?? '', command };
  } catch {
    return undefined;
  }
}

/** PostgreSQL runs with its data directory as working directory (and we start it with `-D <dir>`). */
function servesDirectory(info: ProcessInfo, dataDir: string): boolean {
  if (!/postgres/.test(basename(info.executable)) && !/postgres/.test(info.command)) return false;
  const dir = realpathSync(dataDir);
  return info.cwd !== undefined ? info.cwd === dir : info.command.includes(` -D ${dataDir} `);
}
