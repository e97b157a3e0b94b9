import { mergedActivity } from './activity-definition.merger.js';
import type { Statement } from './statement.types.js';

const ID = 'http://www.example.com/meetings/34534';
const about = (object: Record<string, unknown>, context?: Record<string, unknown>) =>
  ({ actor: { mbox: 'mailto:a@example.com' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attended' }, object, ...(context ? { context } : {}) }) as unknown as Statement;

describe('mergedActivity (GET /activities, Communication 2.5, XAPI-00254)', () => {
  it('returns every language and extension any Statement gave the Activity, the later Statement winning on the same key', () => {
    const first = about({ id: ID, definition: { name: { 'en-US': 'meeting' }, description: { 'en-US': 'a meeting' }, type: 'http://example.com/t1' } });
    const second = about({ id: ID, definition: { name: { 'fr-FR': 'réunion', 'en-US': 'the meeting' }, extensions: { 'http://example.com/x': 1 } } });
    expect(mergedActivity(ID, [first, second])).toEqual({
      objectType: 'Activity',
      id: ID,
      definition: {
        name: { 'en-US': 'the meeting', 'fr-FR': 'réunion' },
        description: { 'en-US': 'a meeting' },
        type: 'http://example.com/t1',
        extensions: { 'http://example.com/x': 1 },
      },
    });
  });

  it('also reads the Activity from context activities and SubStatements, and ignores other Activities', () => {
    const inContext = about({ id: 'http://example.com/other', definition: { name: { 'en-US': 'other' } } }, {
      contextActivities: { parent: [{ id: ID, definition: { name: { 'de-DE': 'Treffen' } } }] },
    });
    const inSubStatement = about({ objectType: 'SubStatement', ...about({ id: ID, definition: { name: { 'es-ES': 'reunión' } } }) });
    expect(mergedActivity(ID, [inContext, inSubStatement]).definition).toEqual({ name: { 'de-DE': 'Treffen', 'es-ES': 'reunión' } });
  });

  it('returns just the id when no Statement defines the Activity', () => {
    expect(mergedActivity(ID, [about({ id: ID })])).toEqual({ objectType: 'Activity', id: ID });
    expect(mergedActivity(ID, [])).toEqual({ objectType: 'Activity', id: ID });
  });
});
