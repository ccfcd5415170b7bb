export { seedDemoData } from './seedDemoData';
export { demoAccounts, demoPassword } from './demoAccounts';
export { seedLibrary, demoLibrary } from './seedLibrary';
export { seedConsultation, demoConsultationBillTitle } from './seedConsultation';
export { walkBill, type WalkStep } from './walkBill';
export { seedWorkflow, demoWorkflowBills } from './seedWorkflow';
export { seedPublication, demoPublishedBillTitle } from './seedPublication';
export { seedExplainers } from './seedExplainers';
export { demoSite } from './demoSite';
