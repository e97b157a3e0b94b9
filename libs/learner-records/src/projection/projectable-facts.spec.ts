import { canonicalEvent } from '../domain/fixtures/canonical-event.fixture.js';
import { groupFacts, projectable } from './projectable-facts.js';

const lb = (EventType: string, EventStartUtc: string, PublisherEventId = 'AI:1', PublisherParticipantId = 'ann@example.com') =>
  canonicalEvent({ PublisherSystemId: 'LB', EventType, EventStartUtc, PublisherEventId, PublisherParticipantId, EventId: `P1-${PublisherEventId}-${EventType}-${EventStartUtc}` });

describe('groupFacts', () => {
  it('groups a batch’s facts by record, each group in fact order', () => {
    const { groups, skipped } = groupFacts([
      lb('AI_COMP_SUCCESS', '2024-01-02T00:00:00.000Z'),
      lb('AI_STARTED', '2024-01-03T00:00:00.000Z', 'AI:2'),
      lb('AI_STARTED', '2024-01-01T00:00:00.000Z'),
      lb('LPI_STARTED', '2024-01-01T00:00:00.000Z', 'LPI:1'),
      lb('SOMETHING_ELSE', '2024-01-01T00:00:00.000Z'),
    ]);
    expect(skipped).toEqual([]);
    expect(groups.map((g) => g.facts.map((f) => `${f.LearningObjectId} ${f.SourceStatus}`))).toEqual([
      ['AI:1 AI_STARTED', 'AI:1 AI_COMP_SUCCESS'],
      ['AI:2 AI_STARTED'],
      ['LPI:1 LPI_STARTED'],
    ]);
  });

  it('leaves out facts whose ids do not fit the record columns', () => {
    const { groups, skipped } = groupFacts([lb('AI_STARTED', '2024-01-01T00:00:00.000Z', `AI:${'9'.repeat(600)}`)]);
    expect(groups).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(projectable(skipped[0])).toBeNull();
  });
});

describe('projectable', () => {
  it('writes ids as the database will store them: a lone surrogate becomes U+FFFD, a pair stays', () => {
    const [fact] = groupFacts([lb('AI_STARTED', '2024-01-01T00:00:00.000Z', 'AI:\uD800', 'ann\uDC00@x 💥')]).groups[0].facts;
    expect(fact.LearningObjectId).toBe('AI:\uFFFD');
    expect(fact.PublisherParticipantId).toBe('ann\uFFFD@x 💥');
    expect(Buffer.from(fact.PublisherParticipantId, 'utf8').toString('utf8')).toBe(fact.PublisherParticipantId);
  });
});
