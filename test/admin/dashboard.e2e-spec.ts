import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { api, countStored, eventually, hub, lbEvent, publisher, rememberSecret, uniqueId, withDb } from '../support/hub.js';

/**
 * The dashboard in headless Chromium, as an operator uses it: sign in, watch the numbers move, repair a dead letter,
 * find an event, manage connections, sign out. Every request the page makes is recorded: all must stay on the hub.
 */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/dashboard/', import.meta.url));
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let userDataDir: string;
let context: BrowserContext;
let page: Page;
const requested: string[] = [];
const browserErrors: string[] = [];

const base = () => hub().baseUrl;
/** A full-page screenshot from the top (the sticky header would otherwise be drawn where the page was scrolled to). */
async function shot(name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The number in a source card: `[data-testid=source-LB] tr[data-kind=accepted] td[data-window=5m]`. */
async function cardNumber(source: string, kind: string, window = '5m'): Promise<number> {
  const cell = page.locator(`[data-testid=source-${source}] tr[data-kind=${kind}] td[data-window="${window}"]`);
  // '—' until the counters have been read once.
  return eventually(async () => {
    const n = Number((await cell.innerText()).replace(/,/g, ''));
    return Number.isFinite(n) ? { n } : null;
  }, 30_000, `a number in the ${source} card`).then((r) => r!.n);
}

/** Waits for the page's own polling to show at least `atLeast` in a card (the page refreshes every 5 seconds). */
async function waitForCard(source: string, kind: string, atLeast: number): Promise<void> {
  await eventually(async () => (await cardNumber(source, kind)) >= atLeast, 30_000, `${source} ${kind} to reach ${atLeast} on the page`);
}

async function openTab(name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  userDataDir = mkdtempSync(join(tmpdir(), 'hub-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
  });
  context.on('request', (request) => requested.push(request.url()));
  context.on('weberror', (error) => browserErrors.push(error.error().message));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 40[134]/.test(message.text())) browserErrors.push(message.text());
  });
});

afterAll(async () => {
  await context?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

describe('the operations dashboard in Chromium', () => {
  it('refuses a visit without a session: the sign-in form, with 401', async () => {
    const response = await page.goto(`${base()}/admin`);
    expect(response!.status()).toBe(401);
    await page.getByLabel('Admin token').waitFor();
    // Bull Board sends a browser without a session to the same form.
    await page.goto(`${base()}/admin/queues`);
    expect(new URL(page.url()).pathname).toBe('/admin');
    await page.getByLabel('Admin token').fill('not-the-admin-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That is not this hub’s admin token.').waitFor();
    await shot('01-sign-in-refused');
  });

  it('signs in with the admin token; the token is kept nowhere but in the server’s hashed session', async () => {
    await page.getByLabel('Admin token').fill(hub().adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('tab', { name: /^Overview/ }).waitFor();
    await page.locator('[data-testid=source-LB]').waitFor();
    const cookies = await context.cookies(`${base()}/admin`);
    expect(cookies).toEqual([expect.objectContaining({ name: 'hub_admin_session', httpOnly: true, sameSite: 'Strict', path: '/admin' })]);
    rememberSecret(cookies[0].value);
    const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie + location.href');
    expect(stored).not.toContain(hub().adminToken);
    expect(requested.some((url) => url.includes(hub().adminToken))).toBe(false);
  });

  it('shows every source and the numbers change as events are posted', async () => {
    for (const source of ['LB', 'ALM', 'IMC', 'XAPI']) await page.locator(`[data-testid=source-${source}]`).waitFor();
    await page.locator('[data-testid=throughput-chart] canvas').waitFor();
    const received = await cardNumber('LB', 'accepted');
    const stored = await cardNumber('LB', 'stored');
    const p = await publisher();
    await api().post('/api/v1/events').set(p.auth).send(Array.from({ length: 7 }, () => lbEvent(p.programId))).expect(202);
    await waitForCard('LB', 'accepted', received + 7);
    await waitForCard('LB', 'stored', stored + 7);
    expect(await page.locator('[data-testid=workers]').innerText()).toMatch(/[1-9]\d* workers?/);
    await shot('02-overview');
  });

  it('shows a dead letter in the table, replays it, and the event is stored', async () => {
    const p = await publisher();
    const constraint = `block_${p.programId.toLowerCase()}`;
    const event = lbEvent(p.programId, { PublisherParticipantId: `${uniqueId('dl')}@example.com` });
    await withDb((db) => db.query(`ALTER TABLE events ADD CONSTRAINT ${constraint} CHECK (program_id <> '${p.programId}') NOT VALID`));
    try {
      const [receipt] = (await api().post('/api/v1/events').set(p.auth).send(event).expect(202)).body;
      await openTab('Dead letters');
      const row = page.locator(`[data-testid=dead-letter-table] tr[data-program="${p.programId}"]`);
      await row.waitFor({ timeout: 30_000 });
      await row.getByRole('button', { name: 'Inspect' }).click();
      await page.getByTestId('dead-letter-reason').getByText(constraint).waitFor();
      expect(await page.getByTestId('dead-letter-payload').innerText()).toContain(String(event.PublisherEventId));
      await shot('03-dead-letter-inspect');
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
      await shot('04-dead-letters');

      // The fix: the faulty rule goes; then the operator replays from the table.
      await withDb((db) => db.query(`ALTER TABLE events DROP CONSTRAINT ${constraint}`));
      await row.getByRole('button', { name: 'Replay' }).click();
      await page.getByText('Replayed 1 dead letter').waitFor();
      await row.waitFor({ state: 'detached' });
      await eventually(async () => (await countStored(p.programId)) === 1, 30_000, 'the replayed event stored');

      await openTab('Events');
      await page.getByLabel('Publisher event id').fill(String(event.PublisherEventId));
      await page.getByLabel('Program').fill(p.programId);
      await page.getByRole('button', { name: 'Search' }).click();
      const result = page.locator(`[data-testid=event-results] tr[data-event-id="${receipt.EventId}"]`);
      await result.waitFor();
      await result.click();
      expect(await page.getByTestId('event-detail').innerText()).toContain(String(event.PublisherParticipantId));
      await shot('05-event-found');
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    } finally {
      await withDb((db) => db.query(`ALTER TABLE events DROP CONSTRAINT IF EXISTS ${constraint}`));
    }
  });

  it('searches events by participant and type across programs', async () => {
    const a = await publisher();
    const b = await publisher();
    const participant = `${uniqueId('s')}@example.com`;
    await api().post('/api/v1/events').set(a.auth).send(lbEvent(a.programId, { PublisherParticipantId: participant, EventType: 'LPI_STARTED' })).expect(202);
    await api().post('/api/v1/events').set(b.auth).send(lbEvent(b.programId, { PublisherParticipantId: participant, EventType: 'LPI_STARTED' })).expect(202);
    await openTab('Events');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Participant').fill(participant);
    await page.getByLabel('Event type').fill('LPI_STARTED');
    const rows = page.locator('[data-testid=event-results] tbody tr[data-event-id]');
    await eventually(async () => {
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator('[data-testid=event-results]').waitFor();
      return (await rows.count()) === 2;
    }, 30_000, 'both programs’ events in the results');
    await shot('06-event-search');
  });

  it('manages connections: programs and API keys; ALM webhooks and xAPI clients when the hub has them', async () => {
    await openTab('Connections');
    const programId = uniqueId('UI');
    const programForm = page.getByTestId('program-form');
    await programForm.getByLabel('Program id').fill(programId);
    await programForm.getByLabel('Name').fill('Created in the dashboard');
    await programForm.getByRole('button', { name: 'Create program' }).click();
    await page.getByTestId('program-table').getByText(programId).waitFor();

    const keyForm = page.getByTestId('api-key-form');
    await keyForm.getByLabel('Name').fill('dashboard key');
    await keyForm.getByLabel('Program').selectOption(programId);
    await keyForm.getByRole('button', { name: 'Create key' }).click();
    const key = await page.getByTestId('shown-once').getByTestId('secret-value').innerText();
    expect(key).toMatch(/^lhk_/);
    rememberSecret(key);
    // The key the page showed works for publishing.
    await api().post('/api/v1/events').set({ Authorization: `Bearer ${key}` }).send(lbEvent(programId)).expect(202);

    // ALM webhooks and xAPI clients come with their own modules: either their form works, or the panel says the route is missing.
    const alm = page.locator('#alm-webhooks');
    await alm.locator('[data-testid=alm-form], [data-testid=unavailable]').first().waitFor();
    if (await alm.getByTestId('alm-form').isVisible()) {
      const name = `ALM ${uniqueId('w')}`;
      const form = alm.getByTestId('alm-form');
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Program').selectOption(programId);
      await form.getByLabel('Authentication').selectOption('basic');
      await form.getByLabel('Username').fill('alm');
      await form.getByLabel('Password').fill('correct horse battery staple');
      await form.getByRole('button', { name: 'Register webhook' }).click();
      await alm.getByText('Enter this target URL in ALM').waitFor();
      const row = alm.getByTestId('alm-table').locator('tr', { hasText: name });
      await row.waitFor();
      await shot('07a-alm-webhook-registered');
      await row.getByRole('button', { name: 'Delete' }).click();
      await row.getByRole('button', { name: 'Delete?' }).click();
      await row.waitFor({ state: 'detached' });
    }
    const xapi = page.locator('#xapi-clients');
    await xapi.locator('[data-testid=xapi-form], [data-testid=unavailable]').first().waitFor();
    if (await xapi.getByTestId('xapi-form').isVisible()) {
      const name = `xAPI ${uniqueId('c')}`;
      const form = xapi.getByTestId('xapi-form');
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Program').selectOption(programId);
      await form.getByRole('button', { name: 'Create client' }).click();
      const secret = await xapi.getByTestId('shown-once').getByTestId('secret-value').innerText();
      expect(secret).not.toBe('');
      rememberSecret(secret);
      const row = xapi.getByTestId('xapi-table').locator('tr', { hasText: name });
      await row.waitFor();
      await row.getByRole('button', { name: 'Revoke' }).click();
      await row.getByRole('button', { name: 'Revoke?' }).click();
      await row.getByText('revoked', { exact: true }).waitFor();
    }
    await shot('07-connections');
  });

  it('opens Bull Board behind the same sign-in, with nothing fetched from outside the hub', async () => {
    const board = await context.newPage();
    const response = await board.goto(`${base()}/admin/queues`);
    expect(response!.status()).toBe(200);
    // The queue's name in the sidebar, then on its card once the board has read the queue.
    await eventually(async () => (await board.getByText('ingest', { exact: true }).count()) >= 2, 30_000, 'Bull Board to show the ingest queue');
    await board.screenshot({ path: join(ARTIFACTS, '08-bull-board.png') });
    await board.close();
  });

  it('signs out: the session is revoked and the page asks for the token again', async () => {
    await openTab('Overview');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin token').waitFor();
    await page.getByText('Signed out.').waitFor();
    expect((await page.request.get(`${base()}/admin/overview`)).status()).toBe(401);
    const again = await page.goto(`${base()}/admin`);
    expect(again!.status()).toBe(401);
    await page.getByLabel('Admin token').waitFor();
    await shot('09-signed-out');
  });

  it('made every request to the hub’s own origin, and broke no content security rule', () => {
    const network = requested.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(network.length).toBeGreaterThan(20);
    expect(network.filter((url) => new URL(url).origin !== base())).toEqual([]);
    expect(browserErrors).toEqual([]);
  });
});
