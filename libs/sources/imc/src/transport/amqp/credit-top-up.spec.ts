import type { Receiver } from 'rhea';
import { topUpCredit } from './credit-top-up.js';

function receiverWith(outstanding: number) {
  const granted: number[] = [];
  const receiver = { credit: outstanding, add_credit: (n: number) => void granted.push(n) } as unknown as Receiver;
  return { receiver, granted };
}

describe('topUpCredit', () => {
  it('grants back up to the credit, counting messages in hand and credit still out', () => {
    const { receiver, granted } = receiverWith(10);
    topUpCredit(receiver, 200, 40);
    expect(granted).toEqual([150]);
  });

  it('waits while less than a quarter is missing, so the broker is not sent a flow frame per message', () => {
    const { receiver, granted } = receiverWith(100);
    topUpCredit(receiver, 200, 51);
    expect(granted).toEqual([]);
    topUpCredit(receiver, 200, 50);
    expect(granted).toEqual([50]);
  });
});
