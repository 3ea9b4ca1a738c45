import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * LINE webhook events (`webhook.yml` in LINE's OpenAPI): the values offered by the trigger's
 * filters, the item made from each event and the filters themselves. Pure functions.
 */

/** The `Event` discriminator of LINE's webhook schema, in the spec's order. */
export const EVENT_TYPES: INodePropertyOptions[] = [
	{ name: 'Message', value: 'message', description: 'A user sent a message. You can reply.' },
	{ name: 'Unsend', value: 'unsend', description: 'A user unsent a message' },
	{
		name: 'Follow',
		value: 'follow',
		description:
			'A user added the LINE Official Account as a friend or unblocked it. You can reply.',
	},
	{ name: 'Unfollow', value: 'unfollow', description: 'A user blocked the LINE Official Account' },
	{
		name: 'Join',
		value: 'join',
		description:
			'The LINE Official Account joined a group chat or multi-person chat. You can reply.',
	},
	{
		name: 'Leave',
		value: 'leave',
		description:
			'The LINE Official Account left or was removed from a group chat or multi-person chat',
	},
	{
		name: 'Member Joined',
		value: 'memberJoined',
		description:
			'A user joined a group chat or multi-person chat the account is in. You can reply.',
	},
	{
		name: 'Member Left',
		value: 'memberLeft',
		description: 'A user left a group chat or multi-person chat the account is in',
	},
	{
		name: 'Postback',
		value: 'postback',
		description: 'A user tapped a postback action. You can reply.',
	},
	{
		name: 'Video Play Complete',
		value: 'videoPlayComplete',
		description: 'A user finished watching a video sent with a tracking ID. You can reply.',
	},
	{
		name: 'Beacon',
		value: 'beacon',
		description: 'A user entered the range of a LINE Beacon. You can reply.',
	},
	{
		name: 'Account Link',
		value: 'accountLink',
		description: "A user linked their LINE account with your service's account. You can reply.",
	},
	{
		name: 'Membership',
		value: 'membership',
		description: "A user joined, left or renewed the account's membership. You can reply.",
	},
	{
		name: 'Module',
		value: 'module',
		description: 'A module channel was attached to or detached from the account',
	},
	{
		name: 'Activated',
		value: 'activated',
		description: 'The module channel became the active channel',
	},
	{
		name: 'Deactivated',
		value: 'deactivated',
		description: 'The module channel became a standby channel',
	},
	{
		name: 'Bot Suspended',
		value: 'botSuspended',
		description: 'The LINE Official Account was suspended',
	},
	{
		name: 'Bot Resumed',
		value: 'botResumed',
		description: 'The LINE Official Account returned from suspension',
	},
	{
		name: 'Delivery',
		value: 'delivery',
		description: 'A LINE notification message was delivered to the user',
	},
];

/** The `MessageContent` discriminator of LINE's webhook schema. */
export const MESSAGE_TYPES: INodePropertyOptions[] = [
	{ name: 'Text', value: 'text', description: 'Text, possibly with LINE emoji and mentions' },
	{ name: 'Image', value: 'image', description: 'An image; its file can be downloaded' },
	{ name: 'Video', value: 'video', description: 'A video; its file can be downloaded' },
	{
		name: 'Audio',
		value: 'audio',
		description: 'A voice message or audio; its file can be downloaded',
	},
	{ name: 'File', value: 'file', description: 'A file; it can be downloaded' },
	{ name: 'Location', value: 'location', description: 'A location with coordinates' },
	{ name: 'Sticker', value: 'sticker', description: 'A sticker' },
];

/** The `Source` discriminator of LINE's webhook schema. */
export const SOURCE_TYPES: INodePropertyOptions[] = [
	{ name: 'User (One-on-One Chat)', value: 'user', description: 'A one-on-one chat with a user' },
	{ name: 'Group Chat', value: 'group', description: 'A group chat' },
	{ name: 'Multi-Person Chat (Room)', value: 'room', description: 'A multi-person chat' },
];

/** Message types whose content LINE keeps for the bot to download. */
export const CONTENT_MESSAGE_TYPES = new Set(['image', 'video', 'audio', 'file']);
/** Content LINE may still be transcoding when the event arrives. */
export const TRANSCODED_MESSAGE_TYPES = new Set(['video', 'audio']);

export interface EventFilters {
	eventTypes: string[];
	messageTypes: string[];
	sourceTypes: string[];
	ignoreRedelivered: boolean;
	/** Group and room messages pass only when they mention the bot. */
	onlyWhenBotMentioned: boolean;
}

function objectOf(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function stringOf(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

export function isRedelivery(event: IDataObject): boolean {
	return objectOf(event.deliveryContext)?.isRedelivery === true;
}

/** The people a text message mentions (`message.mention.mentionees`, users and @All). */
function mentioneesOf(message: IDataObject | undefined): IDataObject[] {
	const mentionees = objectOf(message?.mention)?.mentionees;
	if (!Array.isArray(mentionees)) return [];
	return mentionees.flatMap((mentionee: unknown) => {
		const object = objectOf(mentionee);
		return object ? [object] : [];
	});
}

/** Whether a message mentions the bot receiving the webhook (`isSelf`; @All does not count). */
export function mentionsBot(message: IDataObject | undefined): boolean {
	return mentioneesOf(message).some((mentionee) => mentionee.isSelf === true);
}

/**
 * The user IDs a message mentions, once each in the order of the text, the bot's own included.
 * LINE leaves out the ID of a user who has not let the account see their profile.
 */
export function mentionedUserIds(message: IDataObject | undefined): string[] {
	const ids = mentioneesOf(message).flatMap((mentionee) =>
		mentionee.type === 'user' ? (stringOf(mentionee.userId) ?? []) : [],
	);
	return [...new Set(ids)];
}

/**
 * Whether an event is for the bot under "Only When Bot Is Mentioned": a message in a group or
 * room must mention it; one-on-one messages (all of them are to the bot) and other events pass.
 */
function isAddressedToBot(event: IDataObject): boolean {
	if (event.type !== 'message') return true;
	const sourceType = stringOf(objectOf(event.source)?.type);
	if (sourceType !== 'group' && sourceType !== 'room') return true;
	return mentionsBot(objectOf(event.message));
}

/** Whether an event passes the trigger's filters (an empty list lets everything through). */
export function passesFilters(event: IDataObject, filters: EventFilters): boolean {
	const type = stringOf(event.type) ?? '';
	if (filters.eventTypes.length > 0 && !filters.eventTypes.includes(type)) return false;
	if (filters.messageTypes.length > 0 && type === 'message') {
		const messageType = stringOf(objectOf(event.message)?.type) ?? '';
		if (!filters.messageTypes.includes(messageType)) return false;
	}
	if (filters.sourceTypes.length > 0) {
		const sourceType = stringOf(objectOf(event.source)?.type) ?? '';
		if (!filters.sourceTypes.includes(sourceType)) return false;
	}
	if (filters.ignoreRedelivered && isRedelivery(event)) return false;
	if (filters.onlyWhenBotMentioned && !isAddressedToBot(event)) return false;
	return true;
}

/**
 * The item made from one event: the event exactly as LINE sent it, plus fields that save
 * digging (`chatId` is where to send a push: the group, else the room, else the user; the mention
 * and quote fields are empty unless a message carries them). A field LINE itself sends at the
 * top level keeps LINE's value.
 */
export function eventItem(event: IDataObject, destination: string | null): IDataObject {
	const source = objectOf(event.source);
	const message = objectOf(event.message);
	const unsend = objectOf(event.unsend);
	const userId = stringOf(source?.userId);
	const groupId = stringOf(source?.groupId);
	const roomId = stringOf(source?.roomId);
	const messageType = stringOf(message?.type);
	const convenience: IDataObject = {
		destination,
		eventType: stringOf(event.type),
		sourceType: stringOf(source?.type),
		userId,
		groupId,
		roomId,
		chatId: groupId ?? roomId ?? userId,
		replyToken: stringOf(event.replyToken),
		messageType,
		text: messageType === 'text' ? stringOf(message?.text) : null,
		messageId: stringOf(message?.id) ?? stringOf(unsend?.messageId),
		mentionedUserIds: mentionedUserIds(message),
		isBotMentioned: mentionsBot(message),
		quoteToken: stringOf(message?.quoteToken),
		quotedMessageId: stringOf(message?.quotedMessageId),
		webhookEventId: stringOf(event.webhookEventId),
		isRedelivery: isRedelivery(event),
	};
	return { ...convenience, ...event };
}

/** Whether the item's message content can be downloaded from LINE (not hosted elsewhere). */
export function hasDownloadableContent(event: IDataObject): boolean {
	if (event.type !== 'message') return false;
	const message = objectOf(event.message);
	if (!message || typeof message.id !== 'string') return false;
	if (!CONTENT_MESSAGE_TYPES.has(String(message.type))) return false;
	return objectOf(message.contentProvider)?.type !== 'external';
}
