import { describeValue, fail } from '../../shared/errors';
import { MESSAGE_CHECKS, MESSAGE_TYPE_NAMES } from '../messages';
import { checkAction, QUICK_REPLY_ACTION_PLACE } from './actions';
import { checkList, checkMediaUrl, checkObject, checkString } from './fieldChecks';

/**
 * Local checks of what LINE would refuse with a 400: the rules of LINE's OpenAPI (required
 * fields, limits) plus those it leaves out (../shared/reference/LINE-RULES.md). Each failure
 * throws an InputError naming the exact field as a path into the request body. Each message
 * type's own rules are in its file in ../messages; the actions in templates, flex messages and
 * quick replies are checked as rich menu areas are, by ./actions.ts.
 */

export { checkRecipientId, type RecipientKind } from './recipientIds';

export const MESSAGE_TYPES = MESSAGE_TYPE_NAMES;

export const MAX_MESSAGES = 5;
const MAX_QUICK_REPLY_ITEMS = 13;

// ---------------------------------------------------------------------------------------------
// Properties common to all messages

function checkQuickReply(value: unknown, field: string): void {
	const quickReply = checkObject(value, field, 'an object with items');
	const items = checkList(
		quickReply.items,
		`${field}.items`,
		1,
		MAX_QUICK_REPLY_ITEMS,
		'quick reply buttons',
	);
	items.forEach((value, i) => {
		const itemField = `${field}.items[${i}]`;
		const item = checkObject(value, itemField, 'a quick reply button');
		if (item.type !== 'action')
			fail(`${itemField}.type`, `is ${describeValue(item.type)}; expected "action"`);
		checkMediaUrl(item.imageUrl, `${itemField}.imageUrl`, true);
		checkAction(item.action, `${itemField}.action`, QUICK_REPLY_ACTION_PLACE);
	});
}

function checkSender(value: unknown, field: string): void {
	const sender = checkObject(value, field, 'an object with name and/or iconUrl');
	checkString(sender.name, `${field}.name`, { max: 20, optional: true, what: 'a display name' });
	checkMediaUrl(sender.iconUrl, `${field}.iconUrl`, true);
}

/** One message object. */
export function checkMessage(value: unknown, field: string): void {
	const message = checkObject(value, field, 'a message object');
	const type = message.type;
	if (type === undefined) fail(`${field}.type`, `is required (one of ${MESSAGE_TYPES.join(', ')})`);
	if (typeof type !== 'string' || !MESSAGE_TYPES.includes(type)) {
		fail(
			`${field}.type`,
			`${describeValue(type)} is not a message type LINE accepts; expected one of ${MESSAGE_TYPES.join(', ')}`,
		);
	}
	MESSAGE_CHECKS[type](message, field);
	if (message.quickReply !== undefined) checkQuickReply(message.quickReply, `${field}.quickReply`);
	if (message.sender !== undefined) checkSender(message.sender, `${field}.sender`);
}

/** The `messages` array of a reply, push, multicast, narrowcast or broadcast request. */
export function checkMessages(messages: unknown, field = 'messages'): void {
	if (!Array.isArray(messages)) {
		fail(
			field,
			`must be a list of 1 to ${MAX_MESSAGES} message objects, got ${describeValue(messages)}`,
		);
	}
	if (messages.length === 0) fail(field, `is empty; send 1 to ${MAX_MESSAGES} messages`);
	if (messages.length > MAX_MESSAGES) {
		fail(
			field,
			`holds ${messages.length} messages; LINE accepts at most ${MAX_MESSAGES} per request`,
			'Split the messages over several requests',
		);
	}
	messages.forEach((message, i) => checkMessage(message, `${field}[${i}]`));
}
