import { attachment, statement, withValue } from '../../fixtures/statement-templates.fixture.js';
import { validateStatement } from './statement.validator.js';

const errorsOf = (input: unknown): string[] => {
  const r = validateStatement(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};
const withAttachments = (value: unknown) => withValue(statement(), 'attachments', value);
const withAttachment = (overrides: Record<string, unknown>) => withAttachments([{ ...attachment(), ...overrides }]);
const accepts = (input: unknown): void => expect(errorsOf(input)).toEqual([]);
const rejectsAt = (input: unknown, path: string): void =>
  expect(errorsOf(input).some((e) => e.startsWith(`${path}:`))).toBe(true);

describe('Attachments (Data 2.4.11)', () => {
  it('accepts an attachment with every property', () => {
    accepts(withAttachments([attachment()]));
  });

  it('XAPI-00025: attachments must be an array of objects', () => {
    rejectsAt(withAttachments(attachment()), 'attachments');
    rejectsAt(withAttachments([12345]), 'attachments[0]');
    rejectsAt(withAttachments(['should fail']), 'attachments[0]');
  });

  it.each(['usageType', 'display', 'contentType', 'length', 'sha2'])('XAPI-00102-XAPI-00107: requires %s', (key) => {
    rejectsAt(withAttachment({ [key]: undefined }), `attachments[0].${key}`);
  });

  it('XAPI-00107: usageType must be an IRI', () => {
    rejectsAt(withAttachment({ usageType: 'should fail' }), 'attachments[0].usageType');
  });

  it('XAPI-00106: display and description must be Language Maps', () => {
    rejectsAt(withAttachment({ display: 'should error' }), 'attachments[0].display');
    rejectsAt(withAttachment({ description: 12345 }), 'attachments[0].description');
    rejectsAt(withAttachment({ display: { 'en-US': 'A', 'de-419-DE': 'B' } }), 'attachments[0].display.de-419-DE');
  });

  it('XAPI-00105: contentType must be an Internet Media Type', () => {
    rejectsAt(withAttachment({ contentType: 'should fail' }), 'attachments[0].contentType');
  });

  it('XAPI-00102: length must be a non-negative integer', () => {
    for (const length of ['should fail', 1.5, -1]) rejectsAt(withAttachment({ length }), 'attachments[0].length');
  });

  it('XAPI-00103: sha2 must be a hex SHA-2 string', () => {
    rejectsAt(withAttachment({ sha2: 12345 }), 'attachments[0].sha2');
    rejectsAt(withAttachment({ sha2: 'abc' }), 'attachments[0].sha2');
  });

  it('XAPI-00104: fileUrl must be an IRL when present', () => {
    rejectsAt(withAttachment({ fileUrl: 'should fail' }), 'attachments[0].fileUrl');
    accepts(withAttachment({ fileUrl: undefined }));
  });

  it('rejects a signature attachment whose contentType is not application/octet-stream (Data 2.6.s4.b1)', () => {
    const signature = { usageType: 'http://adlnet.gov/expapi/attachments/signature' };
    rejectsAt(withAttachment({ ...signature, contentType: 'text/plain; charset=ascii' }), 'attachments[0].contentType');
    accepts(withAttachment({ ...signature, contentType: 'application/octet-stream' }));
  });

  it('XAPI-00008: rejects "attachmentS" and other mis-cased keys', () => {
    const s = statement();
    s['attachmentS'] = [attachment()];
    rejectsAt(s, 'attachmentS');
  });
});
