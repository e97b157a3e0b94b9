import { api } from '../support/hub.js';
import { createClient, lrs, statement, tokenFor, VERSION } from './xapi-support.js';

describe('the igs client id (seed section 3.1)', () => {
  it('is required on every statement POST of a client that has one: missing 400, different 403', async () => {
    const client = await createClient({ igsClientId: 'igs-42' });
    const missing = await api().post('/xAPI/statements').set(lrs(client)).send(statement()).expect(400);
    expect(missing.body).toMatchObject({ status: 400, errors: [{ path: 'igsClientId' }] });
    await api().post('/xAPI/statements?igsClientId=igs-43').set(lrs(client)).send(statement()).expect(403);
    await api().post('/xAPI/statements').set(lrs(client)).set('X-IGS-Client-Id', 'igs-43').send(statement()).expect(403);
  });

  it('is accepted as the igsClientId parameter or the X-IGS-Client-Id header, with a token or with Basic', async () => {
    const client = await createClient({ igsClientId: 'igs-42' });
    const bearer = await tokenFor(client);
    await api().post('/xAPI/statements?igsClientId=igs-42').set({ ...bearer, ...VERSION }).send(statement()).expect(200);
    await api().post('/xAPI/statements').set({ ...bearer, ...VERSION }).set('X-IGS-Client-Id', 'igs-42').send(statement()).expect(200);
    await api().post('/xAPI/statements?igsClientId=igs-42').set(lrs(client)).send([statement(), statement()]).expect(200);
  });

  it('refuses a parameter and a header that disagree', async () => {
    const client = await createClient({ igsClientId: 'igs-42' });
    await api().post('/xAPI/statements?igsClientId=igs-42').set(lrs(client)).set('X-IGS-Client-Id', 'other').send(statement()).expect(400);
  });

  it('is not needed by a client without one, and may be sent along', async () => {
    const client = await createClient();
    await api().post('/xAPI/statements').set(lrs(client)).send(statement()).expect(200);
    await api().post('/xAPI/statements?igsClientId=anything').set(lrs(client)).send(statement()).expect(200);
  });

  it('travels as a form parameter in the alternate request syntax', async () => {
    const client = await createClient({ igsClientId: 'igs-42' });
    const form = new URLSearchParams({ content: JSON.stringify(statement()), igsClientId: 'igs-42', 'X-Experience-API-Version': '1.0.3', Authorization: client.basic.Authorization });
    await api().post('/xAPI/statements?method=POST').type('form').send(form.toString()).expect(200);
  });
});
