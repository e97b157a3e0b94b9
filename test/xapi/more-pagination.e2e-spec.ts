import { randomUUID } from 'node:crypto';
import { api } from '../support/hub.js';
import { createClient, lrs, postStatements, statement, type TestClient } from './xapi-support.js';

/** Follows `more` links to the end while another writer keeps adding matching Statements. */
async function readAllPages(client: TestClient, first: string, duringEachPage: () => Promise<void>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let next = first;
  let pages = 0;
  while (next) {
    const res = await api().get(next).set(lrs(client)).expect(200);
    pages += 1;
    ids.push(...(res.body.statements as { id: string }[]).map((s) => s.id));
    next = res.body.more as string;
    await duringEachPage();
  }
  return { ids, pages };
}

describe('more pagination (Communication 2.1.3, Data 2.5)', () => {
  it('walks at least three pages, newest first, stable while Statements are being added', async () => {
    const client = await createClient();
    const verb = `http://example.com/verbs/paged-${randomUUID()}`;
    const existing: string[] = [];
    for (let i = 0; i < 7; i++) existing.push(...(await postStatements(client, statement({ verb: { id: verb } }))));
    const added: string[] = [];
    const { ids, pages } = await readAllPages(client, `/xAPI/statements?verb=${encodeURIComponent(verb)}&limit=2`, async () => {
      added.push(...(await postStatements(client, statement({ verb: { id: verb } }))));
    });
    expect(pages).toBe(4);
    // Exactly the Statements that existed when the first page was read, each once, newest first.
    expect(ids).toEqual([...existing].reverse());
    // The added ones are all there for the next reader.
    const fresh = await api().get(`/xAPI/statements?verb=${encodeURIComponent(verb)}`).set(lrs(client)).expect(200);
    expect(fresh.body.statements).toHaveLength(existing.length + added.length);
  });

  it('walks ascending pages without growing while Statements are added', async () => {
    const client = await createClient();
    const verb = `http://example.com/verbs/paged-${randomUUID()}`;
    const existing: string[] = [];
    for (let i = 0; i < 5; i++) existing.push(...(await postStatements(client, statement({ verb: { id: verb } }))));
    const { ids, pages } = await readAllPages(client, `/xAPI/statements?verb=${encodeURIComponent(verb)}&limit=2&ascending=true`, async () => {
      await postStatements(client, statement({ verb: { id: verb } }));
    });
    expect(pages).toBe(3);
    expect(ids).toEqual(existing);
  });

  it('refuses a forged cursor and parameters next to more', async () => {
    const client = await createClient();
    await api().get('/xAPI/statements?more=garbage').set(lrs(client)).expect(400);
    await postStatements(client, [statement(), statement()]);
    const first = await api().get('/xAPI/statements?limit=1').set(lrs(client)).expect(200);
    await api().get(`${first.body.more as string}&limit=5`).set(lrs(client)).expect(400);
    // A cursor is only ever read within the caller's own program.
    const other = await createClient();
    expect((await api().get(first.body.more as string).set(lrs(other)).expect(200)).body.statements).toEqual([]);
  });
});
