/**
 * German texts: the reference catalogue, one file per area so that features can add their
 * texts without touching each other's. Every key must exist in English too (a test checks).
 */
import { core } from './de/core.js';
import { accounts } from './de/accounts.js';
import { site } from './de/site.js';
import { selfService } from './de/selfService.js';
import { members } from './de/members.js';
import { directoryAdmin } from './de/directoryAdmin.js';
import { organisations } from './de/organisations.js';
import { office } from './de/office.js';
import { communities } from './de/communities.js';
import { moderation } from './de/moderation.js';
import { communitiesApi } from './de/communitiesApi.js';
import { search } from './de/search.js';
import { certificates } from './de/certificates.js';
import { events } from './de/events.js';
import { barcamp } from './de/barcamp.js';
import { inbound } from './de/inbound.js';
import { notifications } from './de/notifications.js';
import { messages } from './de/messages.js';
import { notificationsUi } from './de/notificationsUi.js';

export const de = { ...core, ...accounts, ...site, ...selfService, ...members, ...directoryAdmin, ...organisations, ...office, ...communities, ...moderation, ...communitiesApi, ...search, ...certificates, ...events, ...barcamp, ...notifications, ...inbound, ...messages, ...notificationsUi } as const;
