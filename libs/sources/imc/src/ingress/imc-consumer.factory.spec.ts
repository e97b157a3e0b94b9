import { IMC_TOPIC, IMC_TOPICS } from '../imc-topics.js';
import { imcTopicsFrom } from './imc-consumer.factory.js';

describe('imcTopicsFrom (IMC_TOPICS)', () => {
  it('reads all six by default', () => {
    expect(imcTopicsFrom('all')).toEqual([...IMC_TOPICS]);
  });

  it('accepts decorated names once each and refuses names that are not imc topics', () => {
    expect(imcTopicsFrom(['topic://de.imc.ils_login', 'DE.IMC.ILS_LOGIN', 'de.imc.ils_registrations'])).toEqual([IMC_TOPIC.login, IMC_TOPIC.registrations]);
    expect(() => imcTopicsFrom(['de.imc.ils_logins'])).toThrow(/IMC_TOPICS: "de.imc.ils_logins"/);
  });
});
