import { ConfigurableModuleBuilder } from '@nestjs/common';
import { FailedAuthenticationLimits } from './failed-authentication.throttle';
import { PanelJwtOptions } from './jwt/panel-jwt.verifier';

export interface AuthModuleOptions {
  /** Bearer JWTs from the host control panel; null to accept API keys only. */
  panelJwt: PanelJwtOptions | null;
  /** A `vwk_…` admin key to install on first start (unattended installs); otherwise one is generated. */
  bootstrapAdminKey?: string;
  failedAuthentication: FailedAuthenticationLimits;
  /** Where a generated bootstrap key is shown, once. Defaults to standard output. */
  announceBootstrapKey?: (token: string) => void;
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: AUTH_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<AuthModuleOptions>().setClassMethodName('forRoot').build();
