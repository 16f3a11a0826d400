/**
 * The embedded PostgreSQL recovers by itself (issue 21), through real processes: each test runs
 * `node src/main.ts` (what `npm start` runs) on its own DATA_DIR and port, and ends with a healthy
 * server and the data written before intact. The box kills every process it started, even on failure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { describe, expect } from 'vitest';
import { createCluster } from '../../src/db/embedded-postgres.ts';
import { MIGRATION_LOCK } from '../../src/db/orm.ts';
import { freePort } from '../../src/db/tcp-port.ts';
import { RoomsDocument, SignInDocument } from '../generated/operations.ts';
import { type Actor, call, createRoom, createUser } from '../helpers/client.ts';
import { isAlive, embeddedTest as it, logMessages, readiness } from '../helpers/embedded-app.ts';
import type { ApiProcess } from '../helpers/process.ts';

const PASSWORD = 'correct horse battery';
const MIGRATIONS = readdirSync('migrations').filter((name) => /^Migration.*\.ts$/.test(name)).length;
// Each test starts the app two or three times, PostgreSQL included; several run at once.
const SLOW = { timeout: 300_000 };

/** Data written before a restart: a user with a room. */
async function writeData(app: ApiProcess) {
  const owner = await createUser(app.url);
  const room = await createRoom(app.url, owner);
  return { owner, roomId: room.id };
}

/** Healthy, and the data from before is there: the user signs in with the password and sees the room. */
async function expectHealthyWith(app: ApiProcess, before: { owner: Actor; roomId: string }) {
  expect(await readiness(app)).toBe(200);
  const { signIn } = await call(app.url, SignInDocument, {
    input: { email: before.owner.email, password: PASSWORD },
  });
  expect(signIn.user.id).toBe(before.owner.id);
  const { rooms } = await call(app.url, RoomsDocument, { first: 10 }, signIn.token);
  expect(rooms.edges.map((edge) => edge.node.id)).toContain(before.roomId);
}

/** The one line a failed start prints: no stack, no `undefined`. */
function onlyLine(stderr: string[]): string {
  const lines = stderr.filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/undefined|^\s+at /);
  return lines[0]!;
}

/** The banner's database line. */
function databaseLine(app: ApiProcess): string {
  return app.logs.find((line) => /^\s+database\s/.test(line)) ?? '';
}

describe.concurrent('the embedded database recovers by itself', SLOW, () => {
  it('after kill -9 of the app, the next start stops the orphaned PostgreSQL and keeps the data', async ({
    box,
  }) => {
    const first = await box.start();
    const before = await writeData(first);
    const orphan = box.postmasterPid()!;

    first.child.kill('SIGKILL');
    await first.exited;
    expect(isAlive(orphan)).toBe(true); // what used to block every later start

    const second = await box.start();
    expect(logMessages(second)).toContainEqual(
      expect.stringContaining(`stopped the PostgreSQL left running by an earlier run (pid ${orphan}`),
    );
    expect(isAlive(orphan)).toBe(false);
    await expectHealthyWith(second, before);

    // A clean stop leaves nothing running and no lock file.
    const server = box.postmasterPid()!;
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(isAlive(server)).toBe(false);
    expect(box.postmasterPid()).toBeUndefined();
  });

  it('after kill -9 of a first start while it migrates, no migration is half applied and the next start finishes', async ({
    box,
  }) => {
    // Right after initdb: the first start is killed half way through its migrations.
    let child: ChildProcess | undefined;
    const starting = box
      .start(
        {},
        {
          onSpawn: (spawned) => {
            child = spawned;
          },
        },
      )
      .catch(() => undefined);
    const orphan = await connectWhenUp(box.port);
    try {
      await waitForMigrationLock(orphan);
      child!.kill('SIGKILL');
      await starting;
      // Its sessions end with it: the migration transaction rolls back, all or nothing.
      while (await migrationLockHeld(orphan)) await sleep(50);
      expect([0, MIGRATIONS]).toContain(await appliedMigrations(orphan));
    } finally {
      await orphan.end();
    }

    const second = await box.start();
    expect(logMessages(second)).toContainEqual(
      expect.stringContaining('stopped the PostgreSQL left running by an earlier run'),
    );
    const database = await connectWhenUp(box.recordedPort()!, 'studyroom');
    try {
      expect(await appliedMigrations(database)).toBe(MIGRATIONS);
    } finally {
      await database.end();
    }
    const before = await writeData(second);
    expect(await second.stop()).toBe(0);
    await expectHealthyWith(await box.start(), before);
  });

  it('a Ctrl-C during a first start lets it finish, then stops cleanly; the next start needs no repair', async ({
    box,
  }) => {
    let child: ChildProcess | undefined;
    const starting = box.start(
      {},
      {
        onSpawn: (spawned) => {
          child = spawned;
        },
      },
    );
    (await connectWhenUp(box.port)).end(); // initdb is done and PostgreSQL is up: the start is half way
    child!.kill('SIGINT');
    const first = await starting;
    expect(await first.exited).toBe(0);
    expect(logMessages(first)).toContain('shutting down');
    expect(box.postmasterPid()).toBeUndefined();

    const second = await box.start();
    expect(logMessages(second).filter((msg) => /stopped|removed|created|moved/.test(msg))).toEqual([]);
    await expectHealthyWith(second, await writeData(second));
  });

  it('moves off a port held by another process, says so in the banner, and keeps the new port', async ({
    box,
  }) => {
    const first = await box.start();
    const before = await writeData(first);
    expect(await first.stop()).toBe(0);

    const holder = await box.holdPort(box.port);
    const moved = await box.start();
    const [, port] =
      /embedded PostgreSQL on 127\.0\.0\.1:(\d+) \((\d+) was in use\)/.exec(databaseLine(moved)) ?? [];
    expect(databaseLine(moved)).toContain(`(${box.port} was in use)`);
    expect(Number(port)).not.toBe(box.port);
    expect(box.recordedPort()).toBe(Number(port));
    await expectHealthyWith(moved, before);
    expect(await moved.stop()).toBe(0);

    // The next start reuses the recorded port, even with the old one free again.
    await holder.release();
    const again = await box.start();
    expect(databaseLine(again)).toMatch(new RegExp(`embedded PostgreSQL on 127\\.0\\.0\\.1:${port}  `));
    expect(databaseLine(again)).not.toContain('was in use');
    await expectHealthyWith(again, before);
  });

  it('with EMBEDDED_POSTGRES_PORT taken, exits 1 with one line naming the port and the fix', async ({
    box,
  }) => {
    const fixed = String(await freePort());
    const holder = await box.holdPort(Number(fixed));
    const failed = await box.runToExit({ EMBEDDED_POSTGRES_PORT: fixed });
    expect(failed.code).toBe(1);
    expect(onlyLine(failed.stderr)).toBe(
      `Port ${fixed} (EMBEDDED_POSTGRES_PORT) for the embedded PostgreSQL is in use by another process: ` +
        'free it, set EMBEDDED_POSTGRES_PORT to a free port, or unset it to let the app pick one.',
    );
    expect(box.postmasterPid()).toBeUndefined(); // nothing left running

    await holder.release();
    const app = await box.start({ EMBEDDED_POSTGRES_PORT: fixed });
    expect(databaseLine(app)).toMatch(new RegExp(`embedded PostgreSQL on 127\\.0\\.0\\.1:${fixed}  `));
    await expectHealthyWith(app, await writeData(app));
  });

  it('after a first start stopped right after initdb, the next start creates the database', async ({
    box,
  }) => {
    await createCluster(box.pgData); // the state such a start leaves: a cluster, no "studyroom" database
    const app = await box.start();
    expect(logMessages(app)).toContainEqual(
      expect.stringContaining('created the database "studyroom", missing since an earlier first start'),
    );
    const before = await writeData(app);
    expect(await app.stop()).toBe(0);
    await expectHealthyWith(await box.start(), before);
  });

  it('after an interrupted initdb, moves the half-made directory aside and makes a new cluster', async ({
    box,
  }) => {
    // What initdb killed part way leaves: some of the layout, no pg_control; and its side directory.
    mkdirSync(join(box.pgData, 'global'), { recursive: true });
    writeFileSync(join(box.pgData, 'PG_VERSION'), '18\n');
    const deadPid = await exitedPid();
    mkdirSync(join(box.dataDir, `postgres.initdb-${deadPid}`, 'base'), { recursive: true });

    const app = await box.start();
    const entries = readdirSync(box.dataDir);
    expect(entries).not.toContain(`postgres.initdb-${deadPid}`);
    const aside = entries.find((name) => name.startsWith('postgres.incomplete-'))!;
    expect(existsSync(join(box.dataDir, aside, 'PG_VERSION'))).toBe(true); // moved, not deleted
    const before = await writeData(app);
    expect(await app.stop()).toBe(0);
    await expectHealthyWith(await box.start(), before);
  });

  it('removes a stale postmaster.pid whose pid now belongs to an unrelated process', async ({ box }) => {
    const first = await box.start();
    const before = await writeData(first);
    expect(await first.stop()).toBe(0);

    // PostgreSQL alone refuses this ("lock file already exists"): it cannot tell a reused pid.
    const unrelated = spawn('sleep', ['300'], { stdio: 'ignore' });
    try {
      writeFileSync(
        join(box.pgData, 'postmaster.pid'),
        `${unrelated.pid}\n${box.pgData}\n0\n${box.port}\n\n`,
      );
      const app = await box.start();
      expect(logMessages(app)).toContainEqual(
        expect.stringContaining(`removed a stale postmaster.pid (pid ${unrelated.pid} is no longer`),
      );
      await expectHealthyWith(app, before);
      expect(isAlive(unrelated.pid!)).toBe(true); // left alone
    } finally {
      unrelated.kill('SIGKILL');
    }
  });

  it('refuses a second instance on a data directory in use, with one line, and the first keeps serving', async ({
    box,
  }) => {
    const first = await box.start();
    const before = await writeData(first);
    const second = await box.runToExit();
    expect(second.code).toBe(1);
    expect(onlyLine(second.stderr)).toBe(
      `The embedded PostgreSQL data directory ${box.pgData} is in use by another running process ` +
        `(pid ${first.child.pid}): stop it, or set DATA_DIR to another directory for this instance.`,
    );
    await expectHealthyWith(first, before);
  });
});

describe.concurrent('a start that cannot succeed prints one line and exits 1', SLOW, () => {
  it('names DATABASE_URL when nothing answers there, without its password', async ({ box }) => {
    const port = await freePort();
    const failed = await box.runToExit({
      DATABASE_URL: `postgresql://app:s3cret@127.0.0.1:${port}/studyroom`,
    });
    expect(failed.code).toBe(1);
    expect(onlyLine(failed.stderr)).toBe(
      `Cannot connect to PostgreSQL at 127.0.0.1:${port}/studyroom (DATABASE_URL): connection refused ` +
        '(nothing listens there). Check that the server runs and DATABASE_URL is right, or unset ' +
        'DATABASE_URL to use the embedded database.',
    );
  });

  it('names PORT when the HTTP port is taken, and leaves no PostgreSQL running', async ({ box }) => {
    const port = await freePort();
    await box.holdPort(port);
    const failed = await box.runToExit({ PORT: String(port) });
    expect(failed.code).toBe(1);
    expect(onlyLine(failed.stderr)).toBe(
      `Port ${port} (PORT) is in use by another process: stop it, or set PORT to a free port.`,
    );
    expect(box.postmasterPid()).toBeUndefined();
  });

  it('names the variable of a bad value', async ({ box }) => {
    const failed = await box.runToExit({ EMBEDDED_POSTGRES_PORT: 'auto' });
    expect(failed.code).toBe(1);
    expect(onlyLine(failed.stderr)).toBe(
      'Invalid configuration: EMBEDDED_POSTGRES_PORT: expected number (got "auto")',
    );
  });

  it('names the directory when the data directory cannot be used', async ({ box }) => {
    const locked = join(box.dataDir, 'locked');
    mkdirSync(locked, { mode: 0o500 }); // root may write here, but the `postgres` user may not enter
    const failed = await box.runToExit({ DATA_DIR: join(locked, 'data') });
    expect(failed.code).toBe(1);
    expect(onlyLine(failed.stderr)).toMatch(new RegExp(`${locked}.*(permission denied|EACCES)`, 'i'));
  });
});

/** A pid that was just used and is free again: its process has exited. */
async function exitedPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/**
 * A session on the app's PostgreSQL as soon as it accepts one (initdb done and the server up); on the
 * `postgres` database unless another is named.
 */
async function connectWhenUp(port: number, database = 'postgres'): Promise<pg.Client> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: 'studyroom',
      password: 'studyroom',
      database,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}

const LOCK_KEY = BigInt(MIGRATION_LOCK);

async function migrationLockHeld(client: pg.Client): Promise<boolean> {
  const { rowCount } = await client.query(
    "select 1 from pg_locks where locktype = 'advisory' and granted and classid = $1 and objid = $2",
    [Number(LOCK_KEY >> 32n), Number(LOCK_KEY & 0xffff_ffffn)],
  );
  return (rowCount ?? 0) > 0;
}

/** Until the app holds the migration lock and a migration has created a table it has not committed. */
async function waitForMigrationLock(client: pg.Client): Promise<void> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const { rowCount } = await client.query(
      `select 1 from pg_locks l join pg_database d on d.oid = l.database
        where d.datname = 'studyroom' and l.locktype = 'relation' and l.mode = 'AccessExclusiveLock'`,
    );
    if (rowCount && (await migrationLockHeld(client))) return;
    if (Date.now() > deadline) throw new Error('the app never started migrating');
    await sleep(5);
  }
}

/** Rows in MikroORM's migrations table of the app's database (0 when the table is not there yet). */
async function appliedMigrations(client: pg.Client): Promise<number> {
  const target = client.database === 'studyroom' ? client : await connectWhenUp(client.port, 'studyroom');
  try {
    const { rows: table } = await target.query("select to_regclass('mikro_orm_migrations') as name");
    if (!table[0]?.name) return 0;
    const { rows } = await target.query<{ n: number }>('select count(*)::int as n from mikro_orm_migrations');
    return rows[0]!.n;
  } finally {
    if (target !== client) await target.end();
  }
}
