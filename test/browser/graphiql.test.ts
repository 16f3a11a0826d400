import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../helpers/browser.ts';
import { type Actor, createUser } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const available = chromiumAvailable();
let server: TestServer;
let browser: Browser;
let user: Actor;

describe.runIf(available)('GraphiQL in a real browser', () => {
  beforeAll(async () => {
    server = await startTestServer();
    user = await createUser(server.url, 'Browser User');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs { me { id } } with a token header and shows the result', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}?query=${encodeURIComponent('{ me { id } }')}`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.getByText('Headers', { exact: true }).click();
    await page.locator('.graphiql-editor-tool .graphiql-editor').last().click();
    // insertText avoids the editor's auto-closing of braces and quotes.
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${user.token}` }));
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), { timeout: 15_000 }).toContain('"me"');
    // The editor wraps long lines, so compare without whitespace.
    const shown = (await response.innerText()).replace(/\s+/g, '');
    expect(shown).toContain(`"me":{"id":"${user.id}"}`);
    mkdirSync('test/artifacts', { recursive: true });
    await page.screenshot({ path: 'test/artifacts/graphiql-me.png' });
  }, 60_000);
});
