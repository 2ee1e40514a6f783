import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';

import { Tenant } from '../../core/tenancy/tenant.entity';

/**
 * A municipality's single sign-on through its OpenID Connect provider (Entra ID, or any other), at most one per
 * tenant (ADR 0016). The client secret is stored sealed (AES-256-GCM, `client-secret.crypto.ts`) and never returned.
 */
@Entity()
@Check('CHK_tenant_sso_settings_provider', `"provider" IN ('microsoft', 'generic')`)
@Check('CHK_tenant_sso_settings_match_by', `"match_by" IN ('email', 'employee_number')`)
export class TenantSsoSettings {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'boolean', default: false })
  enabled!: boolean;

  /** Which button the login page shows: "Microsoft" or the generic municipal wording. */
  @Column({ type: 'varchar', length: 20, default: 'generic' })
  provider!: 'microsoft' | 'generic';

  /** The issuer (`iss`); discovery is read from `<issuer>/.well-known/openid-configuration`. */
  @Column({ type: 'varchar', length: 500 })
  issuerUrl!: string;

  @Column({ type: 'varchar', length: 200 })
  clientId!: string;

  /** version ‖ IV ‖ tag ‖ ciphertext, bound to the tenant; null until a secret is set. */
  @Column({ type: 'bytea', nullable: true })
  clientSecretSealed!: Buffer | null;

  /** Space-separated; always includes `openid`. */
  @Column({ type: 'varchar', length: 500, default: 'openid email profile' })
  scopes!: string;

  /** Which user field the claim is matched against (active users of this tenant only). */
  @Column({ type: 'varchar', length: 20, default: 'email' })
  matchBy!: 'email' | 'employee_number';

  /** The ID token claim that holds the e-mail (`email`, `preferred_username`, `upn`) or employee number (`employeeid`). */
  @Column({ type: 'varchar', length: 100, default: 'email' })
  matchClaim!: string;

  /** E-mail domains (lower case) whose login page offers this tenant's SSO button. */
  @Column({ type: 'varchar', length: 253, array: true, default: () => "'{}'" })
  emailDomains!: string[];

  /** When on, `POST /api/auth/login` refuses this tenant's users (AUTH_LOCAL_LOGIN_DISABLED). */
  @Column({ type: 'boolean', default: false })
  localPasswordsDisabled!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
