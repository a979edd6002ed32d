import type { Language } from '../../shared/credential/index.ts';

/**
 * The identity check and the SD-JWT VC that carries it, in plain words: why the IIN matched or
 * not, and what went wrong with the key binding or the disclosures. Merged into the check texts.
 */
export const IDENTITY_ERROR_TEXT: Record<Language, Record<string, string>> = {
  kk: {
    iin_mismatch: 'Волонтер куәлігіндегі ЖСН сіз енгізген ЖСН-нен өзгеше',
    iin_not_disclosed: 'Волонтер ЖСН-ін ашпай жауап берді',
    identity_not_presented: 'Жауапта ЖСН бар куәлік жоқ',
    identity_unproven: 'ЖСН бар куәлік тексеруден өтпеді, сондықтан ЖСН-ге сенуге болмайды',
    disclosure_not_signed: 'Ашылған мән ұйым қол қойғаннан кейін өзгертілген',
    key_binding_missing: 'ЖСН бар куәлік иесінің растау қолтаңбасынсыз келді',
    key_binding_invalid: 'Иесінің растау қолтаңбасы тексеруден өтпеді',
    sd_hash_mismatch: 'Иесінің қолтаңбасы көрсетілгеннен басқа деректерге қойылған',
    identity_other_holder: 'ЖСН бар куәлік іс-шара куәліктерінен басқа кілтке берілген',
    key_binding_stale: 'Иесінің растау қолтаңбасы ескірген',
  },
  ru: {
    iin_mismatch: 'ИИН в удостоверении волонтёра отличается от введённого вами',
    iin_not_disclosed: 'Волонтёр ответил, не раскрыв ИИН',
    identity_not_presented: 'В ответе нет удостоверения с ИИН',
    identity_unproven: 'Удостоверение с ИИН не прошло проверку, поэтому ИИН нельзя доверять',
    disclosure_not_signed: 'Раскрытое значение изменено после того, как организация подписала удостоверение',
    key_binding_missing: 'Удостоверение с ИИН пришло без подтверждающей подписи владельца',
    key_binding_invalid: 'Подтверждающая подпись владельца не проходит проверку',
    sd_hash_mismatch: 'Подпись владельца относится к другим данным, чем показанные',
    identity_other_holder: 'Удостоверение с ИИН выдано на другой ключ, чем удостоверения деятельности',
    key_binding_stale: 'Подтверждающая подпись владельца устарела',
  },
  en: {
    iin_mismatch: "The IIN in the volunteer's credential differs from the one you typed",
    iin_not_disclosed: 'The volunteer answered without disclosing an IIN',
    identity_not_presented: 'The answer carries no credential with the IIN',
    identity_unproven: 'The credential with the IIN did not verify, so the IIN cannot be trusted',
    disclosure_not_signed: 'A disclosed value was changed after the organization signed the credential',
    key_binding_missing: "The credential with the IIN came without its holder's confirming signature",
    key_binding_invalid: "The holder's confirming signature does not verify",
    sd_hash_mismatch: "The holder's signature covers other details than those shown",
    identity_other_holder: 'The credential with the IIN belongs to another key than the activities',
    key_binding_stale: "The holder's confirming signature is not fresh",
  },
};

/** What the identity check says when it did not hold, by code, in place of its generic label. */
export const IDENTITY_FAILED_LABEL: Record<Language, Record<string, string>> = {
  kk: { iin_not_disclosed: 'ЖСН ашылмады', identity_not_presented: 'ЖСН ашылмады', identity_unproven: 'ЖСН дәлелденбеді' },
  ru: { iin_not_disclosed: 'ИИН не раскрыт', identity_not_presented: 'ИИН не раскрыт', identity_unproven: 'ИИН не подтверждён' },
  en: { iin_not_disclosed: 'IIN not disclosed', identity_not_presented: 'IIN not disclosed', identity_unproven: 'IIN not proven' },
};

/** The identity card at the top of a result: the verdict on the IIN in one line. */
export const IDENTITY_VERDICT: Record<Language, { matches: string; differs: string; title: string }> = {
  kk: { matches: 'ЖСН сәйкес келеді', differs: 'ЖСН сәйкес келмейді', title: 'Жеке басы' },
  ru: { matches: 'ИИН совпадает', differs: 'ИИН не совпадает', title: 'Личность' },
  en: { matches: 'IIN matches', differs: 'IIN does not match', title: 'Identity' },
};
