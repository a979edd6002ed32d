export const issuanceOpenApiPaths: Record<string, unknown> = {};
