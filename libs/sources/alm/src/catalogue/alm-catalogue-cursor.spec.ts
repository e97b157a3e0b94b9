import { decodeCatalogueCursor, encodeCatalogueCursor } from './alm-catalogue.service.js';

describe('catalogue cursor', () => {
  it('round-trips a (program, learning object) position and refuses anything else', () => {
    const position = { programId: 'NURSING', loId: 'learningProgram:12_3' };
    expect(decodeCatalogueCursor(encodeCatalogueCursor(position))).toEqual(position);
    for (const junk of ['nonsense', '', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(decodeCatalogueCursor(junk)).toBeNull();
    }
  });
});
