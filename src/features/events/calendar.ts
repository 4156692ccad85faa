/**
 * Events as calendar entries. The UID stays the same for the life of an event, so a change or
 * a cancellation updates the entry people already have (SEQUENCE rises with every change).
 * The place's details and the online link go into the entry only for those who may see them.
 */
import type { EventRow } from './events.repo.js';
import { seesAccessDetails } from './events.service.js';
import { icsCalendar, type IcsEvent } from './ics.js';

export function icsEventOf(baseUrl: URL, event: EventRow, withDetails: boolean): IcsEvent {
  const location = withDetails
    ? [event.place, event.placeDetails, event.onlineUrl].filter(Boolean).join('\n')
    : event.place;
  return {
    uid: `event-${event.id}@${baseUrl.hostname}`,
    sequence: event.sequence,
    status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    title: event.title,
    description: event.status === 'cancelled' && event.cancelMessage ? `${event.cancelMessage}\n\n${event.description}` : event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    location: location || null,
    url: new URL(`/veranstaltungen/${event.id}`, baseUrl).toString(),
    organizer: null,
    created: event.createdAt,
    lastModified: event.updatedAt,
  };
}

/** `staff`: the viewer is office or admin (sees every event's details). */
export function eventCalendar(baseUrl: URL, staff: boolean, events: EventRow[], name?: string): string {
  return icsCalendar({
    events: events.map((e) => icsEventOf(baseUrl, e, seesAccessDetails(staff, e))),
    now: new Date(),
    name,
  });
}
