import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { isObject } from '../../shared/values';

/**
 * klink.cloud webhook events: `{ event, timestamp, data }`. Documented event names are offered
 * in a list; others (their names are only inferred, e.g. contact.update, room.solved) can be
 * typed in.
 */

export const EVENTS: INodePropertyOptions[] = [
	{
		name: 'Contact Created',
		value: 'contact.create',
		description: 'A contact was created (data is the contact)',
	},
	{
		name: 'Message Received',
		value: 'message.inbound',
		description: 'A contact sent a message',
	},
	{
		name: 'Message Sent',
		value: 'message.outbound',
		description: 'An agent, bot or the API sent a message',
	},
];

export interface EventFilter {
	events: string[];
	/** Comma-separated names typed in; `prefix.*` matches every event of a group. */
	otherEvents: string;
}

function patterns({ events, otherEvents }: EventFilter): string[] {
	return [
		...events,
		...otherEvents
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean),
	].map((name) => name.toLowerCase());
}

/** Whether the event starts the workflow: every event when no event is selected. */
export function passesFilter(event: string, filter: EventFilter): boolean {
	const wanted = patterns(filter);
	if (wanted.length === 0) return true;
	const name = event.toLowerCase();
	return wanted.some((pattern) =>
		pattern === '*'
			? true
			: pattern.endsWith('.*')
				? name.startsWith(pattern.slice(0, -1))
				: name === pattern,
	);
}

function firstText(...values: unknown[]): string | null {
	for (const value of values) {
		if (typeof value === 'string' && value !== '') return value;
		if (typeof value === 'number') return String(value);
	}
	return null;
}

/**
 * One item per webhook: the envelope as klink.cloud sent it (`event`, `timestamp`, `data`) and,
 * next to it, the fields a workflow needs most, read from `data` (null when absent). The data
 * of message events is not documented, so those fields are read from the names klink.cloud
 * uses for messages elsewhere (the answer of Send message).
 */
export function eventItem(body: IDataObject): IDataObject {
	const event = String(body.event);
	const data = isObject(body.data) ? body.data : {};
	const group = event.split('.')[0];
	const contact = isObject(data.contact) ? data.contact : {};
	const room = isObject(data.room) ? data.room : {};
	const platformContacts = Array.isArray(data.platformContacts) ? data.platformContacts : [];
	const firstPlatform = isObject(platformContacts[0]) ? platformContacts[0] : {};
	const isMessage = group === 'message';
	return {
		...body,
		eventGroup: group,
		contactId: group === 'contact' ? firstText(data.id) : firstText(data.contactId, contact.id),
		contactName: group === 'contact' ? firstText(data.name) : firstText(contact.name),
		roomId: firstText(data.roomId, room.id),
		messageId: isMessage ? firstText(data.id, data.messageId) : null,
		messageType: isMessage ? firstText(data.type, data.messageType) : null,
		text: isMessage ? firstText(data.message, data.text) : null,
		direction: isMessage ? firstText(data.direction) : null,
		channel: firstText(data.channel, isObject(data.channel) ? data.channel.type : undefined),
		socialPlatformId: firstText(firstPlatform.socialPlatformId, data.platformId),
	};
}
