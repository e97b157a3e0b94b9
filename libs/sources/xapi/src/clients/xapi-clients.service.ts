import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ProgramsService } from '@hub/access';
import { XapiCredentialsService } from '../auth/xapi-credentials.service.js';
import { XapiTokenRepository } from '../oauth/xapi-token.repository.js';
import { newClientId, newClientSecret, sha256Hex } from './client-secret.js';
import type { XapiClientEntity } from './xapi-client.entity.js';
import { XapiClientRepository } from './xapi-client.repository.js';

export interface IssuedSecret {
  client: XapiClientEntity;
  clientSecret: string;
}

/** The admin side of xAPI clients: create, list, rotate the secret, revoke. Secrets are shown once. */
@Injectable()
export class XapiClientsService {
  constructor(
    private readonly clients: XapiClientRepository,
    private readonly tokens: XapiTokenRepository,
    private readonly programs: ProgramsService,
    private readonly credentials: XapiCredentialsService,
  ) {}

  async create(name: string, programId: string, igsClientId?: string): Promise<IssuedSecret> {
    if ((await this.programs.missingOf([programId])).length > 0) throw new BadRequestException(`Unknown program: ${programId}`);
    const clientSecret = newClientSecret();
    const client = await this.clients.insert({
      clientId: newClientId(),
      name,
      programId,
      igsClientId: igsClientId ?? null,
      secretHash: sha256Hex(clientSecret),
    });
    return { client, clientSecret };
  }

  list(): Promise<XapiClientEntity[]> {
    return this.clients.findAll();
  }

  /** A new secret; the old one and every token issued with it stop working. */
  async rotateSecret(clientId: string): Promise<IssuedSecret> {
    const clientSecret = newClientSecret();
    if (!(await this.clients.replaceSecret(clientId, sha256Hex(clientSecret)))) await this.failForInactive(clientId);
    await this.tokens.deleteForClient(clientId);
    this.credentials.invalidate();
    return { client: (await this.clients.findById(clientId))!, clientSecret };
  }

  /** The client's secret and tokens stop working; its Statements and documents stay. */
  async revoke(clientId: string): Promise<void> {
    if (!(await this.clients.findById(clientId))) throw new NotFoundException(`xAPI client ${clientId} not found`);
    await this.clients.revoke(clientId);
    await this.tokens.deleteForClient(clientId);
    this.credentials.invalidate();
  }

  private async failForInactive(clientId: string): Promise<never> {
    if (!(await this.clients.findById(clientId))) throw new NotFoundException(`xAPI client ${clientId} not found`);
    throw new ConflictException(`xAPI client ${clientId} is revoked; create a new client`);
  }
}
