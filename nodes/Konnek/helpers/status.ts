/** Konnek's `data.status` codes, as documented for the send answer. */
export const KONNEK_STATUS_NAMES: Readonly<Record<string, string>> = {
	'-3': 'Failed',
	'-2': 'Undelivered',
	'-1': 'Unsent',
	'0': 'Pending',
	'1': 'Sent',
	'2': 'Delivered',
	'3': 'Read',
};

/** The name of a `data.status` code; null when Konnek sent none, "Unknown (n)" for other codes. */
export function konnekStatusName(status: unknown): string | null {
	if (status === undefined || status === null || status === '') return null;
	const code = Number(status);
	if (!Number.isInteger(code)) return `Unknown (${String(status)})`;
	return KONNEK_STATUS_NAMES[String(code)] ?? `Unknown (${code})`;
}
