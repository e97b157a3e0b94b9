import type { ApiKeyScope } from './api-key.entity.js';

/** Who is calling, once an API key has been verified: attached to the request as `request.user`. */
export interface ApiKeyPrincipal {
  kind: 'api-key';
  keyId: string;
  programIds: string[];
  scopes: ApiKeyScope[];
}

export function canAccessProgram(principal: ApiKeyPrincipal, programId: string): boolean {
  return principal.programIds.includes(programId);
}
