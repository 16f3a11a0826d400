/**
 * The README's five-minute tour, pasted into bash as a new user would, against the real server: sign up,
 * room, upload, ingestion followed to READY, a streamed answer with its citation, a verified quiz.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const readme = readFileSync('README.md', 'utf8');
const tour = /## Five-minute tour[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('README five-minute tour', () => {
  it('runs as pasted and shows every step working', async () => {
    expect(tour, 'README.md has a "## Five-minute tour" section with a sh block').toBeTruthy();
    expect(tour).toContain('http://localhost:4000/graphql');
    const script = tour!
      .replace('http://localhost:4000/graphql', server.url)
      .replace('ada@example.org', `ada-${Date.now()}@example.org`);
    // Asynchronously: the server answering the script runs in this process.
    const run = await runBash(script, mkdtempSync(join(tmpdir(), 'studyroom-tour-')));
    const output = run.stdout;
    expect(run.status, `${run.stderr}\n${output}`).toBe(0);
    expect(output).not.toContain('"errors"');
    expect(output).toContain('"stage":"READY"');
    const final = output
      .split('\n')
      .filter((line) => line.includes('"messageStream"') && line.includes('"done":true'))
      .map((line) => JSON.parse(line.replace(/^data: /, '')).data.messageStream);
    expect(final).toHaveLength(1);
    expect(final[0].message.citations[0]).toMatchObject({ documentTitle: 'cells', pageLabel: '1' });
    expect(final[0].message.citations[0].quote).toMatch(/Ribosomes build proteins/);
    expect(output).toMatch(/"quizProgress":\{"status":"READY","verified":[1-9]/);
    const quiz = JSON.parse(output.trim().split('\n').at(-1)!).data.node;
    expect(quiz.questions.edges.length).toBeGreaterThan(0);
    for (const { node } of quiz.questions.edges) expect(tour).toContain(node.evidence.quote);
  });
});

function runBash(
  script: string,
  cwd: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
