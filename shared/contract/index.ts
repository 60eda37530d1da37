export * from './define.ts';
export * from './contract.ts';
export * from './api.ts';
export * from './errors.ts';
export * from './transport.ts';
export { AppInfo, TransportName } from './app.ts';
export { Identity, MemberRole, MEMBER_ROLES, IDENTITY_LIMITS, SessionState } from './session.ts';
