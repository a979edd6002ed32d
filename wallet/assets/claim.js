// The claim page: an offer link pasted, scanned, or opened from a link, handed to the wallet's
// API, which runs OpenID4VCI against the issuer the offer names.
'use strict';

(function () {
  const { t, api, say, showError, localized, busy, el } = window.Wallet;
  const OFFER_SCHEME = 'openid-credential-offer://';

  /** An offer link in any of the forms a QR code may carry, or undefined. */
  function offerFrom(text) {
    const value = text.trim();
    if (value.startsWith(OFFER_SCHEME)) return value;
    const nested = window.Scanner.queryParameter(value, 'offer');
    if (nested && nested.startsWith(OFFER_SCHEME)) return nested;
    const query = value.includes('?') ? value.slice(value.indexOf('?') + 1) : '';
    const params = new URLSearchParams(query);
    if (params.has('credential_offer') || params.has('credential_offer_uri')) return OFFER_SCHEME + '?' + query;
    return undefined;
  }

  /** The activity name of the claim's answer, whichever summary shape it has. */
  function claimedName(answer) {
    const credential = (answer && (answer.credential || answer)) || {};
    const activity = credential.activity || {};
    return localized(activity.name || credential.name) || credential.id || '';
  }

  async function claim(offerUri) {
    const form = document.getElementById('claim-form');
    const button = form.querySelector('button');
    busy(button, true);
    say('notice', t('claiming'), 'muted');
    try {
      const answer = await api('POST', '/v1/credentials/claim', { offerUri });
      say('notice', '');
      // An event check-in: the credential follows once the coordinator confirms (issue 12).
      const text = answer.checkIn
        ? t(answer.checkIn.existing ? 'alreadyCheckedIn' : 'checkedIn', { name: localized(answer.checkIn.event && answer.checkIn.event.name) })
        : t('claimed', { name: claimedName(answer) });
      document.getElementById('notice').append(
        el('p', { class: 'message ok', role: 'status', id: answer.checkIn ? 'checked-in' : 'claimed' }, text, ' ', el('a', { href: '/' }, t('openPassport'))),
      );
      document.getElementById('offer').value = '';
    } catch (err) {
      showError('notice', err);
    } finally {
      busy(button, false);
    }
  }

  window.Wallet.start(() => {
    const input = document.getElementById('offer');
    document.getElementById('claim-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const offer = offerFrom(input.value);
      if (!offer) {
        say('notice', t('notAnOffer'), 'bad');
        return;
      }
      claim(offer);
    });
    window.Scanner.attach({
      read: offerFrom,
      notRecognized: 'notAnOffer',
      found(offer) {
        input.value = offer;
        claim(offer);
      },
    });
    if (input.value) document.querySelector('#claim-form button').focus();
  });
})();
