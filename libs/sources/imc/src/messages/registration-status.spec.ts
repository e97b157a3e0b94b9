import { IMC_REGISTRATION_STATUSES, registrationStatusFrom } from './registration-status.js';

describe('registrationStatusFrom', () => {
  it('reads both spellings of cancelled as the one status of table 4.2.1', () => {
    for (const spelling of ['CANCELLED', 'CANCELED']) {
      expect(registrationStatusFrom(spelling)).toEqual({
        raw: spelling,
        code: 'CANCELED',
        known: true,
        id: 7,
        label: 'Cancelled',
        table: 'course',
        learnerStatus: 'UNENROLLED',
      });
    }
  });

  it('keeps NOTIFIED and REFUSED apart although the table gives both id 4', () => {
    const notified = registrationStatusFrom('NOTIFIED');
    const refused = registrationStatusFrom('REFUSED');
    expect([notified.id, refused.id]).toEqual([4, 4]);
    expect(notified.code).not.toBe(refused.code);
    expect(notified.learnerStatus).toBe('ENROLLED');
    expect(refused.learnerStatus).toBe('UNENROLLED');
  });

  it('knows the course template statuses of table 4.2.2', () => {
    expect(registrationStatusFrom('SUCCESSFULLY_COMPLETED')).toMatchObject({ id: 20, table: 'course-template', learnerStatus: 'COMPLETED' });
    expect(registrationStatusFrom('NOT_SUCCESSFULLY_COMPLETED')).toMatchObject({ id: 21, learnerStatus: 'FAILED' });
    expect(registrationStatusFrom('PREBOOKED')).toMatchObject({ id: 16, label: 'Pre-booked' });
  });

  it('keeps an unknown status, marked unknown, instead of dropping it', () => {
    expect(registrationStatusFrom('IN_REVIEW')).toEqual({
      raw: 'IN_REVIEW',
      code: 'IN_REVIEW',
      known: false,
      id: null,
      label: null,
      table: null,
      learnerStatus: null,
    });
  });

  it('tolerates case and surrounding spaces but keeps the raw string', () => {
    expect(registrationStatusFrom(' passed ')).toMatchObject({ raw: ' passed ', code: 'PASSED', id: 11 });
  });

  it('is not fooled by names of Object.prototype members', () => {
    expect(registrationStatusFrom('constructor').known).toBe(false);
    expect(registrationStatusFrom('__proto__').known).toBe(false);
  });

  it('covers every row of the seed tables (17 + 3)', () => {
    expect(IMC_REGISTRATION_STATUSES).toHaveLength(20);
  });
});
