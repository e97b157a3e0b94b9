import { eventsArrayText } from './events-array-text.js';

describe('eventsArrayText', () => {
  it('keeps an array as sent and wraps a single event, so both parse to the events', () => {
    const one = { PublisherEventId: 'AI:1', PublisherEventData: { note: 'ä ✓', n: 1.5 } };
    expect(JSON.parse(eventsArrayText(Buffer.from(JSON.stringify([one, one], null, 2)), true))).toEqual([one, one]);
    expect(JSON.parse(eventsArrayText(Buffer.from(` ${JSON.stringify(one)}\n`), false))).toEqual([one]);
  });

  it('drops a byte order mark, as the JSON parser did', () => {
    expect(JSON.parse(eventsArrayText(Buffer.from(`\ufeff{"a":1}`), false))).toEqual([{ a: 1 }]);
  });
});
