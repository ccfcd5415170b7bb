// The inbox: notices of what concerns a person (stage changes of their bills, sign-offs asked of
// them, comments on articles they wrote, deadlines), written with the event that causes them.
export { notify, sendNotice, type Notice } from './notify';
export { listNotifications, countUnread, type NotificationView } from './listNotifications';
export { markNotificationsRead } from './markNotificationsRead';
