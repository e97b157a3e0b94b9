import type { Agent } from '../statements/statement.types.js';

/** An authenticated xAPI client, attached to the request as `request.user`. */
export interface XapiPrincipal {
  kind: 'xapi-client';
  clientId: string;
  name: string;
  /** The only program whose LRS this client reads and writes. */
  programId: string;
  igsClientId: string | null;
}

/** The account home page of the Agents the hub uses as Statement authority for its clients. */
export const XAPI_CLIENT_HOME_PAGE = 'https://learning-hub.dev/xapi/clients';

/** The authority of Statements a client writes (Data 2.4.9): an Agent with the client's id as account. */
export function clientAuthority(principal: XapiPrincipal): Agent {
  return { objectType: 'Agent', name: principal.name, account: { homePage: XAPI_CLIENT_HOME_PAGE, name: principal.clientId } };
}
