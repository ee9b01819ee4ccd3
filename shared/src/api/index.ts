import './zod-locale.ts';
export * from './accounts.ts';
export * from './amis.ts';
export * from './boards.ts';
export * from './members.ts';
export * from './views.ts';
