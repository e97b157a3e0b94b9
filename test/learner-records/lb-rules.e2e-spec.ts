import { api, lbEvent, publisher } from '../support/hub.js';
import { deliverInOrder, readRecords } from './records-support.js';

/** One LB event of learner `who` on learning object `object` at `time`. */
const lb = (programId: string, who: string, object: string, EventType: string, time: string) =>
  lbEvent(programId, { PublisherParticipantId: who, PublisherEventId: object, EventType, EventStartUtc: time, EventEndUtc: time });

const T1 = '2024-03-01T09:00:00.000Z';
const T2 = '2024-03-02T09:00:00.000Z';
const T3 = '2024-03-03T09:00:00.000Z';
const T4 = '2024-03-04T09:00:00.000Z';

describe('learner records from LB events delivered late, twice and out of order', () => {
  it('start, pass, reopen, fail of an activity instance (AI:) ends FAILED by the last completion', async () => {
    const p = await publisher();
    const [started, passed, reopened, failed] = [
      lb(p.programId, 'ann@example.com', 'AI:9001', 'AI_STARTED', T1),
      lb(p.programId, 'ann@example.com', 'AI:9001', 'AI_COMP_SUCCESS', T2),
      lb(p.programId, 'ann@example.com', 'AI:9001', 'AI_REOPENED', T3),
      lb(p.programId, 'ann@example.com', 'AI:9001', 'AI_COMP_UNSUCCESS', T4),
    ];
    const ids = await deliverInOrder(p.auth, p.programId, [failed, passed, started, passed, reopened, failed, started]);
    const records = await readRecords(p.auth);
    expect(records).toEqual([
      {
        PublisherSystemId: 'LB',
        PublisherProgramId: p.programId,
        PublisherParticipantId: 'ann@example.com',
        LearningObjectId: 'AI:9001',
        Status: 'FAILED',
        SourceStatus: 'AI_COMP_UNSUCCESS',
        ProgressPercent: 100,
        Passed: false,
        EnrolledUtc: null,
        StartedUtc: T1,
        CompletedUtc: T4,
        DueDate: null,
        LastEventId: ids[0],
        LastEventUtc: T4,
        UpdatedUtc: expect.any(String),
      },
    ]);
  });

  it('a learning plan instance (LPI:) completed again after a reopen is COMPLETED and passed, whatever arrived first', async () => {
    const p = await publisher();
    const events = [
      lb(p.programId, 'bob@example.com', 'LPI:77', 'LPI_STARTED', T1),
      lb(p.programId, 'bob@example.com', 'LPI:77', 'LPI_COMP_UNSUCCESS', T2),
      lb(p.programId, 'bob@example.com', 'LPI:77', 'LPI_REOPENED', T3),
      lb(p.programId, 'bob@example.com', 'LPI:77', 'LPI_COMP_SUCCESS', T4),
    ];
    const ids = await deliverInOrder(p.auth, p.programId, [events[2], events[3], events[0], events[2], events[1]]);
    const [record] = await readRecords(p.auth);
    expect(record).toMatchObject({
      LearningObjectId: 'LPI:77',
      Status: 'COMPLETED',
      SourceStatus: 'LPI_COMP_SUCCESS',
      Passed: true,
      StartedUtc: T1,
      CompletedUtc: T4,
      LastEventId: ids[1],
      LastEventUtc: T4,
    });
  });

  it('a reopen that arrives before the completion it reopens still ends IN_PROGRESS', async () => {
    const p = await publisher();
    const events = [
      lb(p.programId, 'cy@example.com', 'AI:12', 'AI_STARTED', T1),
      lb(p.programId, 'cy@example.com', 'AI:12', 'AI_COMP_SUCCESS', T2),
      lb(p.programId, 'cy@example.com', 'AI:12', 'AI_REOPENED', T3),
    ];
    const ids = await deliverInOrder(p.auth, p.programId, [events[2], events[1], events[0]]);
    const [record] = await readRecords(p.auth);
    expect(record).toMatchObject({ Status: 'IN_PROGRESS', SourceStatus: 'AI_REOPENED', Passed: null, CompletedUtc: null, ProgressPercent: null, StartedUtc: T1, LastEventId: ids[0] });
  });

  it('a start stamped after a completion is stale: it stays in the log but does not change the record', async () => {
    const p = await publisher();
    const completed = lb(p.programId, 'dee@example.com', 'AI:5', 'AI_COMP_SUCCESS', T2);
    const lateStart = lb(p.programId, 'dee@example.com', 'AI:5', 'AI_STARTED', T3);
    const [completionId, lateStartId] = await deliverInOrder(p.auth, p.programId, [completed, lateStart]);
    const [record] = await readRecords(p.auth);
    expect(record).toMatchObject({ Status: 'COMPLETED', Passed: true, CompletedUtc: T2, StartedUtc: null, LastEventId: completionId, LastEventUtc: T2 });
    await api().get(`/api/v1/events/${lateStartId}`).set(p.auth).expect(200);
  });

  it('keeps one record per learner and learning object', async () => {
    const p = await publisher();
    await deliverInOrder(p.auth, p.programId, [
      lb(p.programId, 'eve@example.com', 'AI:1', 'AI_STARTED', T1),
      lb(p.programId, 'eve@example.com', 'AI:2', 'AI_COMP_SUCCESS', T1),
      lb(p.programId, 'fay@example.com', 'AI:1', 'AI_COMP_UNSUCCESS', T2),
    ]);
    const records = await readRecords(p.auth);
    expect(records.map((r) => [r.PublisherParticipantId, r.LearningObjectId, r.Status])).toEqual([
      ['eve@example.com', 'AI:1', 'IN_PROGRESS'],
      ['eve@example.com', 'AI:2', 'COMPLETED'],
      ['fay@example.com', 'AI:1', 'FAILED'],
    ]);
  });

  it('keys a record the way the database stores its ids: a lone surrogate becomes U+FFFD, and the event is not held up', async () => {
    const p = await publisher();
    const [id] = await deliverInOrder(p.auth, p.programId, [lb(p.programId, 'odd\uD800@example.com', 'AI:\uDC00', 'AI_STARTED', T1)]);
    const [record] = await readRecords(p.auth);
    expect(record).toMatchObject({ PublisherParticipantId: 'odd\uFFFD@example.com', LearningObjectId: 'AI:\uFFFD', Status: 'IN_PROGRESS', LastEventId: id });
    // A second event of the same record finds it by the same key.
    await deliverInOrder(p.auth, p.programId, [lb(p.programId, 'odd\uD800@example.com', 'AI:\uDC00', 'AI_COMP_SUCCESS', T2)]);
    expect((await readRecords(p.auth)).map((r) => r.Status)).toEqual(['COMPLETED']);
  });
});
