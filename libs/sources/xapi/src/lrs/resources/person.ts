import type { Actor } from '../../statements/statement.types.js';

/** A Person Object (Communication 2.4.s5): every property an array, several identifiers allowed. */
export interface Person {
  objectType: 'Person';
  name: string[];
  mbox?: string[];
  mbox_sha1sum?: string[];
  openid?: string[];
  account?: { homePage: string; name: string }[];
}

/**
 * The Person the hub knows for an Agent. The hub does not link identities across Agents, so the Person holds what the
 * requested Agent says about itself (Communication 2.4.s4: an LRS without more information returns just that).
 */
export function personFor(agent: Actor): Person {
  return {
    objectType: 'Person',
    name: agent.name === undefined ? [] : [agent.name],
    ...(agent.mbox !== undefined ? { mbox: [agent.mbox] } : {}),
    ...(agent.mbox_sha1sum !== undefined ? { mbox_sha1sum: [agent.mbox_sha1sum] } : {}),
    ...(agent.openid !== undefined ? { openid: [agent.openid] } : {}),
    ...(agent.account !== undefined ? { account: [agent.account] } : {}),
  };
}
