export { createPresentationsRouter } from './router.ts';
export { signPresentation, type PresentationOptions } from './vp.ts';
export { fetchPresentationRequest, checkRequestObject, type PresentationRequest } from './request.ts';
export { inspectRequest, type RequestForDisplay } from './inspect.ts';
export { respondToRequest, type RequestAnswer } from './respond.ts';
