import type { RunningRabbitMq } from '../../libs/dev-stack/src/index.js';
import { api, asAdmin, eventually, stopProcess } from '../support/hub.js';
import { imcReadiness, imcTenant, startImcBroker, startImcWorker, type ImcWorker } from '../support/imc.js';

interface SourceOverview {
  source: string;
  state: string;
  health: string;
  detail?: string;
  connections: { id: string; state?: string; health?: string }[];
}

const imcOnOverview = async (): Promise<SourceOverview> =>
  ((await api().get('/admin/overview').set(asAdmin()).expect(200)).body.sources as SourceOverview[]).find((s) => s.source === 'IMC')!;

/** The broker connection lives in a worker; the overview, served by the API, shows it through the published status. */
describe('imc broker state on the overview', () => {
  const tenant = imcTenant('status');
  let broker: RunningRabbitMq;
  let worker: ImcWorker | undefined;

  beforeAll(async () => {
    broker = await startImcBroker([tenant]);
  });

  afterAll(async () => {
    if (worker) await stopProcess(worker.name, 'SIGTERM');
    await broker?.stop();
  });

  it('shows the consumer connected with each topic link, then stopped when its worker stops', async () => {
    worker = await startImcWorker(broker, tenant);
    await eventually(async () => (await imcReadiness(worker!)).imc?.state === 'connected', 30_000, 'the imc consumer to connect');
    const connected = (await eventually(async () => {
      const imc = await imcOnOverview();
      return imc.state === 'connected' ? imc : null;
    }, 30_000, 'the overview to show imc connected'))!;
    expect(connected.health).toBe('ok');
    expect(connected.detail).toContain('rabbitmq');
    expect(connected.connections.map((c) => c.id)).toEqual(expect.arrayContaining(['de.imc.ils_login', 'de.imc.ils_registrations']));
    expect(connected.connections.every((c) => c.state === 'attached' && c.health === 'ok')).toBe(true);

    await stopProcess(worker.name, 'SIGTERM');
    worker = undefined;
    const stopped = (await eventually(async () => {
      const imc = await imcOnOverview();
      return imc.state === 'stopped' ? imc : null;
    }, 30_000, 'the overview to show imc stopped'))!;
    expect(stopped.health).toBe('off');
  });
});
