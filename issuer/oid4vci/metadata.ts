import type { Config } from '../../shared/config.ts';
import { VOLUNTEER_CREDENTIAL_TYPE } from '../../shared/credential/index.ts';
import { CONFIGURATION_ID, PRE_AUTHORIZED_GRANT, paths } from './constants.ts';

const ISSUER_DISPLAY = [
  { name: 'Волонтер паспорты', locale: 'kk' },
  { name: 'Паспорт волонтёра', locale: 'ru' },
  { name: 'Volunteer Passport', locale: 'en' },
];

const CREDENTIAL_DISPLAY = [
  { name: 'Волонтерлік қызмет', locale: 'kk', description: 'Аккредиттелген ұйым растаған бір волонтерлік іс-шара', background_color: '#0b6e4f', text_color: '#ffffff' },
  { name: 'Волонтёрская деятельность', locale: 'ru', description: 'Одно волонтёрское мероприятие, подтверждённое аккредитованной организацией', background_color: '#0b6e4f', text_color: '#ffffff' },
  { name: 'Volunteer activity', locale: 'en', description: 'One volunteer activity confirmed by an accredited organization', background_color: '#0b6e4f', text_color: '#ffffff' },
];

function claim(path: string[], kk: string, ru: string, en: string) {
  return { path: ['credentialSubject', ...path], display: [{ name: kk, locale: 'kk' }, { name: ru, locale: 'ru' }, { name: en, locale: 'en' }] };
}

/** `GET /.well-known/openid-credential-issuer` (OpenID4VCI 1.0, section 12.2). */
export function credentialIssuerMetadata(config: Config): Record<string, unknown> {
  return {
    credential_issuer: config.issuerUrl,
    credential_endpoint: config.issuerUrl + paths.credential,
    nonce_endpoint: config.issuerUrl + paths.nonce,
    display: ISSUER_DISPLAY,
    credential_configurations_supported: {
      [CONFIGURATION_ID]: {
        format: 'jwt_vc_json',
        credential_definition: { type: ['VerifiableCredential', VOLUNTEER_CREDENTIAL_TYPE] },
        cryptographic_binding_methods_supported: ['did:key'],
        credential_signing_alg_values_supported: ['EdDSA'],
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['EdDSA'] } },
        credential_metadata: {
          display: CREDENTIAL_DISPLAY,
          claims: [
            claim(['name'], 'Волонтер', 'Волонтёр', 'Volunteer'),
            claim(['activity', 'name'], 'Іс-шара', 'Мероприятие', 'Activity'),
            claim(['activity', 'category'], 'Санат', 'Категория', 'Category'),
            claim(['activity', 'region'], 'Өңір', 'Регион', 'Region'),
            claim(['activity', 'activityStartDate'], 'Басталуы', 'Начало', 'Start'),
            claim(['activity', 'activityEndDate'], 'Аяқталуы', 'Окончание', 'End'),
            claim(['activity', 'hours'], 'Сағат', 'Часы', 'Hours'),
          ],
        },
      },
    },
  };
}

/**
 * `GET /.well-known/oauth-authorization-server` (RFC 8414): the issuer is its own authorization
 * server, for the pre-authorized code grant only, with no client authentication.
 */
export function authorizationServerMetadata(config: Config): Record<string, unknown> {
  return {
    issuer: config.issuerUrl,
    token_endpoint: config.issuerUrl + paths.token,
    grant_types_supported: [PRE_AUTHORIZED_GRANT],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: ['none'],
    'pre-authorized_grant_anonymous_access_supported': true,
  };
}
