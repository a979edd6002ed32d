import { localized, type Language } from '../../shared/credential/index.ts';
import { translator, type Messages } from '../../shared/i18n/index.ts';
import { decodeJwtParts } from '../../shared/jwt/index.ts';
import { formatDateRange, formatDateTime, formatHours, html, layout, shortIdentifier } from '../../shared/pages/index.ts';
import { categoryName } from '../../shared/credential/index.ts';
import { decodeCredential, type DecodedCredential } from '../credentials/index.ts';

type Key = 'title' | 'holder' | 'linkExpires' | 'expiryNote' | 'verify' | 'asJwt' | 'total' | 'unchecked' | 'organization' | 'gone' | 'missing';

const MESSAGES: Messages<Key> = {
  kk: {
    title: 'Волонтерлік қызмет',
    holder: 'Волонтер',
    linkExpires: 'Сілтеме {date} дейін жұмыс істейді.',
    expiryNote: 'Бұл — сілтеменің мерзімі, куәліктердің мерзімі емес: волонтер сілтеменің қанша уақыт ашық болатынын өзі таңдады.',
    verify: 'Тексеру',
    asJwt: 'JWT ретінде жүктеу',
    total: 'Барлығы',
    unchecked: 'Бұл бетте көрсетілгені әлі тексерілмеген: қолтаңбаларды, аккредиттеуді және кері қайтарылмағанын растау үшін «Тексеру» батырмасын басыңыз.',
    organization: 'Ұйым',
    gone: 'Бұл сілтеменің мерзімі өтті.',
    missing: 'Мұндай сілтеме жоқ немесе иесі оны жойды.',
  },
  ru: {
    title: 'Волонтёрская деятельность',
    holder: 'Волонтёр',
    linkExpires: 'Ссылка действует до {date}.',
    expiryNote: 'Это срок ссылки, а не срок действия удостоверений: волонтёр сам выбрал, сколько будет открыта ссылка.',
    verify: 'Проверить',
    asJwt: 'Скачать как JWT',
    total: 'Всего',
    unchecked: 'Показанное на этой странице ещё не проверено: нажмите «Проверить», чтобы подтвердить подписи, аккредитацию и отсутствие отзыва.',
    organization: 'Организация',
    gone: 'Срок действия этой ссылки истёк.',
    missing: 'Такой ссылки нет, или владелец её удалил.',
  },
  en: {
    title: 'Volunteer activities',
    holder: 'Volunteer',
    linkExpires: 'This link works until {date}.',
    expiryNote: "This is the link's expiry, not the credentials' expiry: the volunteer chose how long this link stays open.",
    verify: 'Verify',
    asJwt: 'Download as JWT',
    total: 'Total',
    unchecked: 'What this page shows is not yet verified: press Verify to confirm the signatures, the accreditation and that nothing was revoked.',
    organization: 'Organization',
    gone: 'This share link has expired.',
    missing: 'There is no such share link, or its owner deleted it.',
  },
};

/**
 * The page a person sees when opening a share link: the activities as presented, the holder,
 * the link's expiry (clearly not the credentials'), and a button to the verifier, which does
 * the checking. Rendered on the server; the page itself vouches for nothing.
 */
export function sharePage(options: { lang: Language; path: string; vpJwt: string; expiresAt: string; verifyUrl: string }): string {
  const t = translator(MESSAGES, options.lang);
  const { payload } = decodeJwtParts(options.vpJwt);
  const vp = payload.vp as { holder?: string; verifiableCredential?: string[] };
  const credentials = (vp.verifiableCredential ?? []).map(tryDecode).filter((c): c is DecodedCredential => c !== undefined);
  const holderName = credentials.map((c) => c.credential.credentialSubject.name).find(Boolean);
  const total = credentials.reduce((sum, c) => sum + Math.round(c.credential.credentialSubject.activity.hours * 100), 0) / 100;
  const body = html`
<h1>${t('title')}</h1>
<section class="card">
  <p><strong>${t('holder')}:</strong> ${holderName ?? ''} <br><span class="muted id" data-holder title="${vp.holder ?? String(payload.iss)}">${shortIdentifier(vp.holder ?? String(payload.iss))}</span></p>
  <p data-link-expiry>${t('linkExpires', { date: formatDateTime(options.expiresAt, options.lang) })}</p>
  <p class="muted">${t('expiryNote')}</p>
</section>
<p class="warn">${t('unchecked')}</p>
<a class="button" href="${options.verifyUrl}" data-verify>${t('verify')}</a>
<ul class="cards">
${credentials.map((c) => {
  const a = c.credential.credentialSubject.activity;
  return html`<li class="card" data-credential="${c.id}">
    <strong>${localized(a.name, options.lang)}</strong> — <span class="hours">${formatHours(a.hours, options.lang)}</span><br>
    <span class="muted">${categoryName(a.category, options.lang)} · ${formatDateRange(a.activityStartDate, a.activityEndDate, options.lang)}${a.project ? html` · ${a.project}` : ''}</span><br>
    <span class="muted">${t('organization')}: ${localized(c.credential.issuer.name, options.lang) || c.issuerDid}</span>
  </li>`;
})}
</ul>
<p><strong>${t('total')}: <span class="hours" data-total>${formatHours(total, options.lang)}</span></strong></p>
<p><a href="?format=jwt">${t('asJwt')}</a></p>`;
  return layout({ lang: options.lang, title: t('title'), body, path: options.path });
}

/** The page for a link that is gone or was never there, with the same status the machines get. */
export function shareMissingPage(options: { lang: Language; path: string; expired: boolean }): string {
  const t = translator(MESSAGES, options.lang);
  return layout({ lang: options.lang, title: t('title'), path: options.path, body: html`<h1>${t('title')}</h1><p class="banner bad">${t(options.expired ? 'gone' : 'missing')}</p>` });
}

function tryDecode(jwt: string): DecodedCredential | undefined {
  try {
    return decodeCredential(jwt);
  } catch {
    return undefined;
  }
}
