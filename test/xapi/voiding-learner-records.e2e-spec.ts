import { randomUUID } from 'node:crypto';
import { createApiKey, eventually } from '../support/hub.js';
import { readRecords, rebuild, recordsFoldedFromFeed, byKey, type RecordBody } from '../learner-records/records-support.js';
import { createClient, postStatements, statement, type TestClient } from './xapi-support.js';

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

/**
 * Voiding retracts the learner record (issue 5 with issue 3): the record follows the log asynchronously, so every
 * check polls until the record reaches the state it must reach.
 */
describe('voiding a completed Statement takes it back from the learner record', () => {
  let client: TestClient;
  let auth: { Authorization: string };

  beforeAll(async () => {
    client = await createClient();
    const { key } = await createApiKey([client.programId]);
    auth = { Authorization: `Bearer ${key}` };
  });

  const learner = () => `learner-${randomUUID()}@example.com`;
  const completed = (email: string, activity: string, timestamp: string) =>
    statement({ actor: { objectType: 'Agent', mbox: `mailto:${email}` }, verb: { id: COMPLETED }, object: { objectType: 'Activity', id: activity }, timestamp });
  // An administrator voids it: the voiding Statement's actor is not the learner.
  const voiding = (target: string) =>
    statement({ actor: { objectType: 'Agent', mbox: 'mailto:lrs-admin@example.com' }, verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: target } });

  async function recordOf(email: string, activity: string): Promise<RecordBody | undefined> {
    const query = `PublisherProgramId=${client.programId}&PublisherParticipantId=${encodeURIComponent(email)}&LearningObjectId=${encodeURIComponent(activity)}`;
    return (await readRecords(auth, query))[0];
  }

  async function until(email: string, activity: string, accept: (r: RecordBody | undefined) => boolean, what: string): Promise<{ record: RecordBody | undefined }> {
    const found = await eventually(async () => {
      const record = await recordOf(email, activity);
      return accept(record) ? { record } : undefined;
    }, 30_000, what);
    return found as { record: RecordBody | undefined };
  }

  it('POST completed: the record is COMPLETED; POST the voiding Statement: it no longer is', async () => {
    const email = learner();
    const activity = `urn:partner:course:${randomUUID()}`;
    const done = completed(email, activity, '2024-05-01T10:00:00.000Z');
    await postStatements(client, done);
    const before = await until(email, activity, (r) => r?.Status === 'COMPLETED', 'the completed record');
    expect(before.record).toMatchObject({ PublisherSystemId: 'XAPI', CompletedUtc: '2024-05-01T10:00:00.000Z', SourceStatus: COMPLETED });

    await postStatements(client, voiding(done.id as string));
    const after = await until(email, activity, (r) => r !== undefined && r.Status !== 'COMPLETED', 'the record without the voided completion');
    expect(after.record).toMatchObject({ Status: null, SourceStatus: null, CompletedUtc: null, Passed: null, ProgressPercent: null });
  });

  it('keeps what the remaining Statements say: the earlier completion counts again', async () => {
    const email = learner();
    const activity = `urn:partner:course:${randomUUID()}`;
    const first = completed(email, activity, '2024-05-01T10:00:00.000Z');
    const second: Record<string, unknown> = { ...completed(email, activity, '2024-05-02T10:00:00.000Z'), result: { success: false } };
    await postStatements(client, [first, second]);
    await until(email, activity, (r) => r?.Status === 'FAILED', 'the failed second attempt');
    await postStatements(client, voiding(second.id as string));
    const { record } = await until(email, activity, (r) => r?.Status === 'COMPLETED', 'the first completion again');
    expect(record).toMatchObject({ CompletedUtc: '2024-05-01T10:00:00.000Z', Passed: null });
  });

  it('never counts a Statement whose voiding Statement reached the LRS first', async () => {
    const email = learner();
    const activity = `urn:partner:course:${randomUUID()}`;
    const late = completed(email, activity, '2024-05-01T10:00:00.000Z');
    await postStatements(client, voiding(late.id as string));
    await postStatements(client, late);
    // A later start: stale after a completion that counted, the learner's state when the completion does not count.
    const start = statement({ actor: { objectType: 'Agent', mbox: `mailto:${email}` }, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' }, object: { objectType: 'Activity', id: activity }, timestamp: '2024-05-02T10:00:00.000Z' });
    await postStatements(client, start);
    const { record } = await until(email, activity, (r) => r?.Status === 'IN_PROGRESS', 'the record of the start alone');
    expect(record).toMatchObject({ CompletedUtc: null, Passed: null, SourceStatus: 'http://adlnet.gov/expapi/verbs/attempted' });
  });

  it('gives the records a rebuild gives, and those equal the pure fold of the feed', async () => {
    await eventually(async () => {
      const stored = byKey(await readRecords(auth, `PublisherProgramId=${client.programId}`));
      const folded = await recordsFoldedFromFeed(auth, client.programId);
      return stored.size === folded.size && JSON.stringify([...stored].sort()) === JSON.stringify([...folded].sort());
    }, 30_000, 'the records to equal the fold of the feed');
    expect(await rebuild([client.programId])).toMatchObject({ changed: 0, removed: 0 });
  });
});
