import type { Receiver } from 'rhea';

/**
 * Grants a receiver credit back up to `credit`, counting the messages still in hand (`inHand`), in steps of a quarter
 * of it: a flow frame per message would cost the broker a credit round per message. It cannot stall: below the step,
 * messages are still in hand (their settlement calls this again) or credit is still out.
 */
export function topUpCredit(receiver: Receiver, credit: number, inHand: number): void {
  // rhea keeps the credit not yet used by the broker on the link (untyped).
  const outstanding = (receiver as Receiver & { credit: number }).credit;
  const missing = credit - inHand - outstanding;
  if (missing >= Math.ceil(credit / 4)) receiver.add_credit(missing);
}
