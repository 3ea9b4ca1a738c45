import { InputError } from '../../shared/errors';
import { parseJson } from '../../shared/json';
import { isObject } from '../../shared/values';
import type { MessageTypeDefinition } from './types';

/** The builder's Raw JSON entry: any message object, checked as the type it declares. */
export const json: MessageTypeDefinition = {
	type: 'json',
	builder: {
		option: { name: 'Raw JSON', description: 'Any LINE message object, written as JSON' },
		fields: [
			{
				displayName: 'Message JSON',
				name: 'json',
				type: 'json',
				required: true,
				default: '',
				placeholder: '{ "type": "text", "text": "Hello" }',
				description:
					'A whole LINE message object, e.g. a text message with emojis or a coupon message',
			},
		],
		read: (fields, field) => {
			const message = parseJson(fields.json, field);
			if (!isObject(message)) {
				throw new InputError(
					field,
					'must be a LINE message object, e.g. { "type": "text", "text": "Hello" }',
				);
			}
			return { ...message };
		},
	},
};
