/** What an audit entry records. */
export type AuditAction =
  | 'front_office.created'
  | 'organization.accredited'
  | 'organization.suspended'
  | 'organization.reinstated'
  | 'organization.key_rotated'
  | 'organization.key_revoked'
  | 'organization.settings_changed'
  | 'activity.recorded'
  | 'credential.issued'
  | 'credential.revoked'
  | 'staff.invited'
  | 'staff.joined'
  | 'staff.reset'
  | 'staff.removed'
  | 'api_key.created'
  | 'api_key.revoked';
