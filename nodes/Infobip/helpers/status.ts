import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../shared/values';

/** Infobip's general status groups (`status.groupId` → `status.groupName`). */
export const STATUS_GROUPS: Readonly<Record<string, string>> = {
	'0': 'ACCEPTED',
	'1': 'PENDING',
	'2': 'UNDELIVERABLE',
	'3': 'DELIVERED',
	'4': 'EXPIRED',
	'5': 'REJECTED',
};

/** Infobip's error groups (`error.groupId` → `error.groupName`). */
export const ERROR_GROUPS: Readonly<Record<string, string>> = {
	'0': 'OK',
	'1': 'HANDSET_ERRORS',
	'2': 'USER_ERRORS',
	'3': 'OPERATOR_ERRORS',
};

function groupName(entry: IDataObject, groups: Readonly<Record<string, string>>): string | null {
	if (typeof entry.groupName === 'string' && entry.groupName !== '') return entry.groupName;
	if (entry.groupId === undefined || entry.groupId === null) return null;
	return groups[String(entry.groupId)] ?? null;
}

/**
 * A sent message or a delivery report with its status (and error) names lifted to the top, so a
 * workflow can branch on `statusGroupName` without digging into `status`.
 */
export function withStatusNames(entry: IDataObject): IDataObject {
	const status = isObject(entry.status) ? entry.status : {};
	const named: IDataObject = {
		...entry,
		statusGroupName: groupName(status, STATUS_GROUPS),
		statusName: typeof status.name === 'string' ? status.name : null,
	};
	if (isObject(entry.error)) {
		named.errorGroupName = groupName(entry.error, ERROR_GROUPS);
		named.errorName = typeof entry.error.name === 'string' ? entry.error.name : null;
	}
	return named;
}
