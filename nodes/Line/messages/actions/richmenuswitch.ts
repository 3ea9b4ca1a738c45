import { describeValue, fail } from '../../../shared/errors';
import { checkString } from '../../helpers/fieldChecks';
import { asText, asTrimmed } from '../../helpers/fieldValues';
import { checkPostbackData, DATA_FIELD } from './common';
import { defineAction } from './types';

const RICH_MENU_ALIAS_ID = /^[a-z0-9_-]{1,32}$/;

export const richmenuswitch = defineAction({
	type: 'richmenuswitch',
	option: {
		name: 'Rich Menu Switch',
		description: 'Switches to another rich menu (by its alias) and sends a postback event',
	},
	fields: () => [
		{
			displayName: 'Rich Menu Alias ID',
			name: 'richMenuAliasId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'richmenu-alias-b',
			description:
				'Alias of the rich menu to switch to (see Rich Menu Alias), up to 32 characters: a-z, 0-9, _ and -',
		},
		DATA_FIELD,
	],
	read: (entry) => ({
		richMenuAliasId: asTrimmed(entry.richMenuAliasId),
		data: asText(entry.data),
	}),
	check: (action, field) => {
		const aliasField = `${field}.richMenuAliasId`;
		checkString(action.richMenuAliasId, aliasField, { max: 32 });
		if (!RICH_MENU_ALIAS_ID.test(action.richMenuAliasId as string)) {
			fail(
				aliasField,
				`${describeValue(action.richMenuAliasId)} is not a rich menu alias ID (1 to 32 of a-z, 0-9, _ and -)`,
			);
		}
		checkPostbackData(action, field);
	},
	onlyIn: 'rich menus',
});
