import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AUTH_MODULE_OPTIONS, AuthModuleOptions } from './auth.module-definition';

/** On first start (no active admin key) installs the configured admin key or generates one and shows it once. */
@Injectable()
export class AdminKeyBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminKeyBootstrap.name);

  constructor(
    private readonly apiKeys: ApiKeysService,
    @Inject(AUTH_MODULE_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { created, generatedToken } = await this.apiKeys.ensureAdminKey(this.options.bootstrapAdminKey);
    if (!created) return;
    if (!generatedToken) {
      this.logger.log('Installed the configured bootstrap admin key');
      return;
    }
    // Not through the logger: log shipping must not carry the key. Shown once; only its hash is stored.
    const announce = this.options.announceBootstrapKey ?? ((token: string) => process.stdout.write(bootstrapBanner(token)));
    announce(generatedToken);
  }
}

function bootstrapBanner(token: string): string {
  return [
    '',
    '==================================================================',
    ' First start: an admin API key was created. It is shown only now.',
    ` ${token}`,
    ' Use it as:  X-API-Key: <key>   or   Authorization: Bearer <key>',
    '==================================================================',
    '',
  ].join('\n');
}
