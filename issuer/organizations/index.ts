export { createOrganizationsRouter } from './router.ts';
export { accreditOrganization, OrganizationInput, type AccreditedOrganization } from './accredit.ts';
export { suspendOrganization, SuspensionInput } from './suspend.ts';
export { reinstateOrganization, ReinstatementInput } from './reinstate.ts';
export { organizationProfile, organizationProfiles, localizedName, type OrganizationProfile, type ProfileFilter } from './profile.ts';
export { organizationsOpenApiPaths } from './openapi.ts';
