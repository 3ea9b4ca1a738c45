import { camera } from './camera';
import { cameraRoll } from './cameraRoll';
import { clipboard } from './clipboard';
import { datetimepicker } from './datetimepicker';
import { location } from './location';
import { message } from './message';
import { postback } from './postback';
import { richmenuswitch } from './richmenuswitch';
import { uri } from './uri';

/**
 * LINE's action types, one file each: a new type is its file plus a line here. In the order of
 * their fields in actionFields (a field shared by several types stands at its first).
 */
export const ACTION_TYPES = [
	message,
	richmenuswitch,
	postback,
	uri,
	clipboard,
	datetimepicker,
	camera,
	cameraRoll,
	location,
];

export type ActionType = (typeof ACTION_TYPES)[number]['type'];
