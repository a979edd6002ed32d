export { createServiceApp, writeRateLimit, type ServiceAppOptions } from './app.ts';
export { parseBodies, largeBody, BODY_LIMIT, type BodyParsingOptions } from './body.ts';
export { problemHandler, notFoundHandler, sendProblem, toProblem, PROBLEM_TYPE_BASE, type ProblemDetails } from './problem.ts';
export { listen, type RunningServer } from './listen.ts';
export { bearerToken } from './bearer.ts';
export { parseInput } from './input.ts';
export { cookieCsrfGuard, loginCsrfGuard, requestSource, type CookieCsrfOptions, type OriginOptions } from './csrf.ts';
export { clientAddress } from './client.ts';
