import { IMC_TOPIC_KIND, IMC_TOPICS, resolveImcTopic } from './imc-topics.js';

describe('imc topics', () => {
  it('lists the six topics of the seed', () => {
    expect(IMC_TOPICS).toEqual([
      'de.imc.ils_login',
      'de.imc.ils_course-changes',
      'de.imc.ils_registrations',
      'de.imc.ils_completions',
      'de.imc.ils_cancellations',
      'de.imc.ils_recert-due-date-changes',
    ]);
  });

  it('routes the three registration topics to the same kind', () => {
    expect(IMC_TOPIC_KIND['de.imc.ils_completions']).toBe('registration-change');
    expect(IMC_TOPIC_KIND['de.imc.ils_cancellations']).toBe('registration-change');
  });

  it.each([
    ['de.imc.ils_login', 'de.imc.ils_login'],
    ['topic://de.imc.ils_login', 'de.imc.ils_login'],
    ['de.imc.ils_completions::hub-subscription', 'de.imc.ils_completions'],
    ['/topic/de.imc.ils_course-changes', 'de.imc.ils_course-changes'],
    ['/exchange/amq.topic/de.imc.ils_registrations', 'de.imc.ils_registrations'],
    ['DE.IMC.ILS_LOGIN', 'de.imc.ils_login'],
    ['de.imc.ils_logins', null],
    ['', null],
  ])('resolves %p to %p', (address, topic) => {
    expect(resolveImcTopic(address)).toBe(topic);
  });
});
