import { Module } from '@nestjs/common';
import { AdminKeyBootstrap } from './admin-key.bootstrap';
import { ApiKeyRepository } from './api-keys/api-key.repository';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthController } from './auth.controller';
import { ConfigurableModuleClass } from './auth.module-definition';
import { CredentialAuthenticationGuard } from './credential-authentication.guard';

/**
 * API keys and control-panel JWTs. Needs PartiesModule.forRoot (global) for client-bound keys. The host registers CredentialAuthenticationGuard as APP_GUARD (or its own
 * guard that sets `request.principal`, with the platform's RolesGuard).
 */
@Module({
  controllers: [AuthController],
  providers: [ApiKeyRepository, ApiKeysService, CredentialAuthenticationGuard, AdminKeyBootstrap],
  exports: [ApiKeysService, CredentialAuthenticationGuard],
})
export class AuthModule extends ConfigurableModuleClass {}
