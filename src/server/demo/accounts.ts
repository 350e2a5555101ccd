/**
 * The demo company's sign-in accounts listed on the login page (demo mode only): one per built-in role,
 * all with the demo password. The rest of the demo staff — department heads, handlers, the other
 * communities' supervisors and visitors — are in demo-staff.ts and use the same password.
 */
export const DEMO_PASSWORD = 'Demo12345!';

export const DEMO_ACCOUNTS = [
  { username: 'admin', role: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD },
  { username: 'manager', role: 'manager', displayName: '王立新', password: DEMO_PASSWORD },
  { username: 'supervisor', role: 'supervisor', displayName: '李慧敏', password: DEMO_PASSWORD },
  { username: 'visitor', role: 'visitor', displayName: '张晓雯', password: DEMO_PASSWORD },
  { username: 'handler', role: 'handler', displayName: '赵德明', password: DEMO_PASSWORD },
] as const;
