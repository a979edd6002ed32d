export const registryOpenApiPaths: Record<string, unknown> = {};
