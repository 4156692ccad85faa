import type { notificationsUi as de } from '../de/notificationsUi.js';

/** The notification pages: the bell, the list, the mail settings, unsubscribing, the API's messages. */
export const notificationsUi: Record<keyof typeof de, string> = {
  'notificationsUi.bell': 'Notifications',
  'notificationsUi.bell.unread': ', {count} unread',
  'notificationsUi.bell.live': 'New notification: {count} unread',

  'notificationsUi.title': 'Notifications',
  'notificationsUi.lead': 'What happened for you in your communities, posts and events.',
  'notificationsUi.unreadCount.none': 'No unread notifications',
  'notificationsUi.unreadCount.one': '1 unread notification',
  'notificationsUi.unreadCount.other': '{count} unread notifications',
  'notificationsUi.filter.label': 'Filter notifications',
  'notificationsUi.filter.unreadOnly': 'Unread only',
  'notificationsUi.filter.apply': 'Show',
  'notificationsUi.markAllRead': 'Mark all as read',
  'notificationsUi.markedAllRead': 'All notifications are marked as read.',
  'notificationsUi.unread': 'Unread',
  'notificationsUi.read': 'Read',
  'notificationsUi.older': 'Older',
  'notificationsUi.newest': 'To the newest',
  'notificationsUi.empty.title': 'No notifications',
  'notificationsUi.empty.body': 'This is where you see when someone replies to your posts, mentions you or when something changes about your events. Follow communities to hear about new posts.',
  'notificationsUi.empty.unreadTitle': 'No unread notifications',
  'notificationsUi.empty.unreadBody': 'You have read everything. Remove the filter to see all notifications.',
  'notificationsUi.listLabel': 'Your notifications',
  'notificationsUi.settingsLink': 'Which notifications reach you by e-mail is up to you in the settings.',
  'notificationsUi.settingsLinkText': 'E-mail settings',

  'notificationsUi.settings.title': 'Notifications by e-mail',
  'notificationsUi.settings.lead': 'Choose what you receive by e-mail at once, in a digest, or not at all. On the platform you always see every notification.',
  'notificationsUi.settings.kinds': 'By kind of notification',
  'notificationsUi.settings.communities': 'By community',
  'notificationsUi.settings.communitiesHint': 'For new posts and replies in communities you belong to or follow. “Every post and reply” reads the community like a mailing list; you can reply to these e-mails.',
  'notificationsUi.settings.noCommunities': 'You do not belong to or follow any community yet.',
  'notificationsUi.settings.save': 'Save settings',
  'notificationsUi.settings.saved': 'Your e-mail settings are saved.',
  'notificationsUi.settings.invalid': 'Please choose one of the options offered.',
  'notificationsUi.settings.defaultNote': 'Default: {delivery}',

  'notificationsUi.community.mail': 'E-mails from this community: {delivery}',
  'notificationsUi.community.change': 'Change',
  'notificationsUi.community.joined': 'You are now a member of the community. E-mails from this community: {delivery}. You can change this in your account under “Notifications by e-mail”.',

  'notificationsUi.unsubscribe.doneTitle': 'Unsubscribed',
} as const;
