import { almDelivery, basicAuth, createWebhook, deliver, enrollment } from '../alm/alm-support.js';
import { api, asAdmin, eventually } from '../support/hub.js';

interface Connection {
  id: string;
  state?: string;
  health?: string;
  lastDeliveryUtc?: string | null;
  authFailures?: { lastHour: number; lastUtc?: string | null };
}

const almConnection = async (id: string): Promise<Connection | undefined> => {
  const sources = (await api().get('/admin/overview').set(asAdmin()).expect(200)).body.sources as { source: string; connections: Connection[] }[];
  return sources.find((s) => s.source === 'ALM')!.connections.find((c) => c.id === id);
};

describe('ALM webhooks on the overview', () => {
  it('shows each webhook’s last delivery and its recent authentication failures', async () => {
    const webhook = await createWebhook({ type: 'basic', username: 'alm', password: 'the right password' });
    const fresh = (await eventually(() => almConnection(webhook.id), 15_000, 'the new webhook on the overview'))!;
    expect(fresh).toMatchObject({ state: 'enabled', health: 'ok', lastDeliveryUtc: null, authFailures: { lastHour: 0 } });

    expect((await deliver(webhook, almDelivery([enrollment()]), basicAuth('alm', 'a wrong password'))).status).toBe(401);
    expect((await deliver(webhook, almDelivery([enrollment()]), basicAuth('alm', 'the right password'))).status).toBe(202);

    const after = (await eventually(async () => {
      const c = await almConnection(webhook.id);
      return c?.lastDeliveryUtc && c.authFailures!.lastHour === 1 ? c : null;
    }, 15_000, 'the delivery and the refusal on the overview'))!;
    expect(after.health).toBe('degraded');
    expect(Date.parse(after.authFailures!.lastUtc!)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(after.lastDeliveryUtc!)).toBeGreaterThan(Date.now() - 60_000);
  });
});
