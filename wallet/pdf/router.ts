import { Router } from 'express';
import { PassportError } from '../../shared/errors.ts';
import { isLanguage, pickLanguage } from '../../shared/i18n/index.ts';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { passportPdf } from './passport.ts';

export function createPassportPdfRouter(deps: WalletDeps): Router {
  const router = Router();
  router.get('/v1/passport.pdf', requireVolunteer(deps), async (req, res) => {
    if (req.query.lang !== undefined && !isLanguage(req.query.lang)) {
      throw new PassportError('invalid_request', 'lang must be kk, ru or en', { field: 'lang' });
    }
    const shareId = req.query.shareId;
    if (shareId !== undefined && (typeof shareId !== 'string' || !/^[A-Za-z0-9-]{1,100}$/.test(shareId))) {
      throw new PassportError('invalid_request', 'shareId must name one of your share links', { field: 'shareId' });
    }
    const lang = pickLanguage(req);
    const pdf = await passportPdf(deps, volunteerOf(res), lang, shareId);
    res.type('application/pdf').set('cache-control', 'no-store').attachment(`volunteer-passport-${lang}.pdf`).send(pdf);
  });
  return router;
}
