/** English texts, one file per area like the German ones. A test asserts that every German key has an English text. */
import type { de } from './de.js';
import { core } from './en/core.js';
import { accounts } from './en/accounts.js';
import { site } from './en/site.js';
import { selfService } from './en/selfService.js';
import { members } from './en/members.js';
import { directoryAdmin } from './en/directoryAdmin.js';
import { organisations } from './en/organisations.js';
import { office } from './en/office.js';
import { communities } from './en/communities.js';
import { moderation } from './en/moderation.js';
import { communitiesApi } from './en/communitiesApi.js';
import { search } from './en/search.js';
import { certificates } from './en/certificates.js';
import { events } from './en/events.js';
import { barcamp } from './en/barcamp.js';
import { inbound } from './en/inbound.js';
import { notifications } from './en/notifications.js';
import { messages } from './en/messages.js';
import { notificationsUi } from './en/notificationsUi.js';

export const en: Partial<Record<keyof typeof de, string>> = { ...core, ...accounts, ...site, ...selfService, ...members, ...directoryAdmin, ...organisations, ...office, ...communities, ...moderation, ...communitiesApi, ...search, ...certificates, ...events, ...barcamp, ...notifications, ...inbound, ...messages, ...notificationsUi };
