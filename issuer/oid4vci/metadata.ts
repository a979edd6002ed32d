import type { Config } from '../../shared/config.ts';
import { VOLUNTEER_CREDENTIAL_TYPE } from '../../shared/credential/index.ts';
import { SD_JWT_VC_FORMAT, volunteerActivityVct } from '../../shared/sd-jwt-vc/index.ts';
import { CONFIGURATION_ID, PRE_AUTHORIZED_GRANT, SD_JWT_CONFIGURATION_ID, paths } from './constants.ts';

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

const SD_JWT_DISPLAY = [
  { ...CREDENTIAL_DISPLAY[0]!, name: 'Волонтерлік қызмет (ЖСН-мен)', description: 'Сол іс-шара; аты мен ЖСН тек сіздің таңдауыңызбен ашылады' },
  { ...CREDENTIAL_DISPLAY[1]!, name: 'Волонтёрская деятельность (с ИИН)', description: 'То же мероприятие; имя и ИИН раскрываются только по вашему выбору' },
  { ...CREDENTIAL_DISPLAY[2]!, name: 'Volunteer activity (with IIN)', description: 'The same activity; the name and IIN are disclosed only by your choice' },
];

function claim(path: string[], kk: string, ru: string, en: string, under: string[] = ['credentialSubject']) {
  return { path: [...under, ...path], display: [{ name: kk, locale: 'kk' }, { name: ru, locale: 'ru' }, { name: en, locale: 'en' }] };
}

function activityClaims(under: string[]) {
  return [
    claim(['activity', 'name'], 'Іс-шара', 'Мероприятие', 'Activity', under),
    claim(['activity', 'category'], 'Санат', 'Категория', 'Category', under),
    claim(['activity', 'region'], 'Өңір', 'Регион', 'Region', under),
    claim(['activity', 'activityStartDate'], 'Басталуы', 'Начало', 'Start', under),
    claim(['activity', 'activityEndDate'], 'Аяқталуы', 'Окончание', 'End', under),
    claim(['activity', 'hours'], 'Сағат', 'Часы', 'Hours', under),
  ];
}

/** `GET /.well-known/openid-credential-issuer` (OpenID4VCI 1.0, section 12.2). */
export function credentialIssuerMetadata(config: Config): Record<string, unknown> {
  return {
    credential_issuer: config.issuerUrl,
    credential_endpoint: config.issuerUrl + paths.credential,
    nonce_endpoint: config.issuerUrl + paths.nonce,
    // Events (issue 12): a check-in is answered with deferred issuance.
    deferred_credential_endpoint: config.issuerUrl + paths.deferred,
    // This issuer's extensions for events: the wallet may send the volunteer's display name as the
    // credential request parameter `display_name`, and cancel a check-in at this endpoint.
    credential_request_display_name_supported: true,
    check_in_cancel_endpoint: config.issuerUrl + paths.checkInCancel,
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
          claims: [claim(['name'], 'Волонтер', 'Волонтёр', 'Volunteer'), ...activityClaims(['credentialSubject'])],
        },
      },
      // The same activity as an SD-JWT VC: the holder discloses the name and the IIN by choice
      // (the type metadata at the vct says which claims are selectively disclosable).
      [SD_JWT_CONFIGURATION_ID]: {
        format: SD_JWT_VC_FORMAT,
        vct: volunteerActivityVct(config.issuerUrl),
        cryptographic_binding_methods_supported: ['jwk'],
        credential_signing_alg_values_supported: ['EdDSA'],
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['EdDSA'] } },
        credential_metadata: {
          display: SD_JWT_DISPLAY,
          claims: [claim(['name'], 'Волонтер', 'Волонтёр', 'Volunteer', []), claim(['iin'], 'ЖСН', 'ИИН', 'IIN', []), ...activityClaims([])],
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
