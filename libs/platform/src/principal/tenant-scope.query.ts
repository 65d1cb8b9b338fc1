import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { TenantScope } from './principal';

/**
 * Narrows a query to what the scope may see. `tenantColumn` is the property holding the owning client's id
 * (`clientId`, or `id` on the client table itself). Every repository read of client data goes through here.
 */
export function applyTenantScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  scope: TenantScope,
  tenantColumn: string,
): SelectQueryBuilder<T> {
  if (scope.kind === 'processor') return query;
  return query.andWhere(`${query.alias}.${tenantColumn} = :tenantScopeClientId`, { tenantScopeClientId: scope.clientId });
}
