/** The demo company's accounts, one per built-in role; listed on the login page in demo mode only. */
export const DEMO_PASSWORD = 'Demo12345!';

export const DEMO_ACCOUNTS = [
  { username: 'admin', role: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD },
  { username: 'manager', role: 'manager', displayName: '王经理', password: DEMO_PASSWORD },
  { username: 'supervisor', role: 'supervisor', displayName: '李主管', password: DEMO_PASSWORD },
  { username: 'visitor', role: 'visitor', displayName: '张回访', password: DEMO_PASSWORD },
  { username: 'handler', role: 'handler', displayName: '赵师傅', password: DEMO_PASSWORD },
] as const;
