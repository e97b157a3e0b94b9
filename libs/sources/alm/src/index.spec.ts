import * as alm from '@hub/sources/alm';

describe('@hub/sources/alm public API', () => {
  it('exports the functions the controller, worker and admin routes call', () => {
    for (const name of [
      'parseAlmDelivery', 'normalizeAlmDelivery', 'catalogueUpdatesFrom', 'catalogueUpdateWins', 'toUtcIso', 'almEventDefinition',
      'verifyAlmSignature', 'signAlmBody', 'detectAlmSignatureScheme',
      'verifyBasicAuth', 'hashPassword', 'verifyPassword', 'encryptSecret', 'decryptSecret', 'parseEncryptionKey',
      'deliveryHeaderSummary',
    ]) {
      expect(typeof (alm as Record<string, unknown>)[name]).toBe('function');
    }
    expect(alm.ALM_EVENT_NAMES).toHaveLength(27);
  });
});
