export { seedDemoData } from './seedDemoData';
export { demoAccounts, demoPassword } from './demoAccounts';
